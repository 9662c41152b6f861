-- Removes a participant (the host removed them, or they left) with their mute and online entries. When they are
-- the host who started the recording, it stops first (reason host-left).
-- ARGV 5 participant id, 6 event type, 7 event data, 8 recording-stopped event type, 9 meeting id, 10 now (ISO-8601)
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if state == 'ended' then return 'ended' end
if redis.call('HDEL', KEYS[2], ARGV[5]) == 0 then return 'no-participant' end
local stopped = false
if redis.call('HGET', KEYS[1], 'recordingBy') == ARGV[5] then
  stopped = stop_recording(ARGV[8], ARGV[9], ARGV[10], 'host-left')
end
redis.call('SREM', KEYS[3], ARGV[5])
local prefix = ARGV[5] .. ' '
for _, member in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  if string.sub(member, 1, #prefix) == prefix then redis.call('SREM', KEYS[4], member) end
end
emit(ARGV[6], ARGV[7])
touch(state)
if stopped then return 'stopped-recording' end
return 'ok'
