-- Admits a participant while the meeting is open and under its limit (host included). Check and write are one
-- atomic step, so no burst of joins can overfill a meeting.
-- ARGV 5 participant id, 6 participant JSON, 7 event type, 8 event data
local meeting = redis.call('HMGET', KEYS[1], 'state', 'maxParticipants')
local state = meeting[1]
if not state then return 'unknown' end
if state ~= 'open' then return state end
if redis.call('HLEN', KEYS[2]) >= tonumber(meeting[2]) then return 'full' end
redis.call('HSET', KEYS[2], ARGV[5], ARGV[6])
emit(ARGV[7], ARGV[8])
touch(state)
return 'ok'
