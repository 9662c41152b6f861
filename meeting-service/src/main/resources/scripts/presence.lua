-- Applies one presence event from signaling. Events of unknown participants or ended meetings are ignored;
-- redelivered events (same id) are recognised by a marker key that expires after the dedupe window.
-- KEYS 6 the marker key of this event
-- When the last connection of the host who started the recording closes, the recording stops (reason host-left).
-- ARGV 5 participant id, 6 online member ("<pid> <connection>"), 7 'connected' or 'disconnected', 8 dedupe window (ms),
--      9 recording-stopped event type, 10 meeting id, 11 now (ISO-8601)
local state = redis.call('HGET', KEYS[1], 'state')
if not state or state == 'ended' then return 'ignored' end
if redis.call('HEXISTS', KEYS[2], ARGV[5]) == 0 then return 'ignored' end
if not redis.call('SET', KEYS[6], '1', 'NX', 'PX', ARGV[8]) then return 'duplicate' end
local stopped = false
if ARGV[7] == 'connected' then
  redis.call('SADD', KEYS[4], ARGV[6])
elseif redis.call('SREM', KEYS[4], ARGV[6]) == 1 and not online(ARGV[5])
    and redis.call('HGET', KEYS[1], 'recordingBy') == ARGV[5] then
  stopped = stop_recording(ARGV[9], ARGV[10], ARGV[11], 'host-left')
end
touch(state)
if stopped then return 'stopped-recording' end
return 'ok'
