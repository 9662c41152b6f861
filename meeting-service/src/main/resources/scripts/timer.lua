-- Starts (or restarts) the meeting's countdown.
-- ARGV 5 preset id, 6 seconds, 7 started at (ISO-8601), 8 ends at (ISO-8601), 9 event type, 10 event data
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if state == 'ended' then return 'ended' end
redis.call('HSET', KEYS[1], 'timerPreset', ARGV[5], 'timerSeconds', ARGV[6], 'timerStartedAt', ARGV[7],
  'timerEndsAt', ARGV[8])
emit(ARGV[9], ARGV[10])
touch(state)
return 'ok'
