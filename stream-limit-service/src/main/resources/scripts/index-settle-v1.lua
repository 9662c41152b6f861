-- index-settle-v1: after sweeping a user, move its index entry to its earliest remaining expiry, or drop it when
-- none remain; unless a new lease was added since the sweeper read the sequence number (the sweep did not see
-- that lease, so the entry must stay where index-touch-v1.lua put it). Also counts the swept leases off.
--
-- KEYS[1]  due (see index-touch-v1.lua)
-- KEYS[2]  touched
-- KEYS[3]  active
-- ARGV[1]  user id
-- ARGV[2]  the sequence number read by index-due-v1.lua
-- ARGV[3]  earliest remaining expiry, or '' when the user holds no lease
-- ARGV[4]  number of leases the sweep removed
local current = redis.call('HGET', KEYS[2], ARGV[1]) or '0'
if current == ARGV[2] then
  if ARGV[3] == '' then
    redis.call('ZREM', KEYS[1], ARGV[1])
    redis.call('HDEL', KEYS[2], ARGV[1])
  else
    redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  end
end
local removed = tonumber(ARGV[4])
if removed > 0 then
  redis.call('DECRBY', KEYS[3], removed)
end
return 1
