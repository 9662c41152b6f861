-- Applies one presence event from signaling. Events of unknown participants or ended meetings are ignored;
-- redelivered events (same id) are recognised by a marker key that expires after the dedupe window.
-- KEYS 6 the marker key of this event
-- ARGV 5 participant id, 6 online member ("<pid> <connection>"), 7 'connected' or 'disconnected', 8 dedupe window (ms)
local state = redis.call('HGET', KEYS[1], 'state')
if not state or state == 'ended' then return 'ignored' end
if redis.call('HEXISTS', KEYS[2], ARGV[5]) == 0 then return 'ignored' end
if not redis.call('SET', KEYS[6], '1', 'NX', 'PX', ARGV[8]) then return 'duplicate' end
if ARGV[7] == 'connected' then
  redis.call('SADD', KEYS[4], ARGV[6])
else
  redis.call('SREM', KEYS[4], ARGV[6])
end
touch(state)
return 'ok'
