-- Ends the meeting for everyone; it stays readable for the retention period, then expires.
-- ARGV 5 ended at (ISO-8601), 6 event type, 7 event data
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if state == 'ended' then return 'ended' end
redis.call('HSET', KEYS[1], 'state', 'ended', 'endedAt', ARGV[5])
emit(ARGV[6], ARGV[7])
touch('ended')
return 'ok'
