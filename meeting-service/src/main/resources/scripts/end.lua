-- Ends the meeting for everyone; it stays readable for the retention period, then expires.
-- A recording under way stops first (reason meeting-ended).
-- ARGV 5 ended at (ISO-8601), 6 event type, 7 event data, 8 recording-stopped event type, 9 meeting id
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if state == 'ended' then return 'ended' end
local stopped = stop_recording(ARGV[8], ARGV[9], ARGV[5], 'meeting-ended')
redis.call('HSET', KEYS[1], 'state', 'ended', 'endedAt', ARGV[5])
emit(ARGV[6], ARGV[7])
touch('ended')
if stopped then return 'stopped-recording' end
return 'ok'
