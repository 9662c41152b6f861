-- Starts recording the meeting unless a recording already runs: of concurrent starts exactly one wins.
-- ARGV 5 recording id, 6 started at (ISO-8601), 7 max seconds, 8 the host's participant id, 9 event type,
--      10 event data
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if state == 'ended' then return 'ended' end
if redis.call('HEXISTS', KEYS[1], 'recordingId') == 1 then return 'recording' end
if redis.call('HEXISTS', KEYS[2], ARGV[8]) == 0 then return 'no-participant' end
redis.call('HSET', KEYS[1], 'recordingId', ARGV[5], 'recordingStartedAt', ARGV[6], 'recordingMaxSeconds', ARGV[7],
  'recordingBy', ARGV[8])
emit(ARGV[9], ARGV[10])
touch(state)
return 'ok'
