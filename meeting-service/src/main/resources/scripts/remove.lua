-- Removes a participant (the host removed them, or they left) with their mute and online entries.
-- ARGV 5 participant id, 6 event type, 7 event data
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if state == 'ended' then return 'ended' end
if redis.call('HDEL', KEYS[2], ARGV[5]) == 0 then return 'no-participant' end
redis.call('SREM', KEYS[3], ARGV[5])
local prefix = ARGV[5] .. ' '
for _, member in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  if string.sub(member, 1, #prefix) == prefix then redis.call('SREM', KEYS[4], member) end
end
emit(ARGV[6], ARGV[7])
touch(state)
return 'ok'
