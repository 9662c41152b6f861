-- index-due-v1: users that may hold expired leases, with the sequence number each was last touched at.
--
-- KEYS[1]  due (see index-touch-v1.lua)
-- KEYS[2]  touched
-- ARGV[1]  now (ms since the epoch)
-- ARGV[2]  at most this many users
--
-- Returns {user id, sequence, user id, sequence, ...}; sequence is '0' for a user never touched
local users = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
local reply = {}
for _, user in ipairs(users) do
  reply[#reply + 1] = user
  reply[#reply + 1] = redis.call('HGET', KEYS[2], user) or '0'
end
return reply
