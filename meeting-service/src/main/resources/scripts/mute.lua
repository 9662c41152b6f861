-- Marks one participant muted by the host. The event is emitted even when they were marked already: they may have
-- unmuted themselves over signaling since, and the host's command must reach them again.
-- ARGV 5 participant id, 6 event type, 7 event data
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if state == 'ended' then return 'ended' end
if redis.call('HEXISTS', KEYS[2], ARGV[5]) == 0 then return 'no-participant' end
redis.call('SADD', KEYS[3], ARGV[5])
emit(ARGV[6], ARGV[7])
touch(state)
return 'ok'
