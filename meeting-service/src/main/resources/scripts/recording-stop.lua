-- Stops the meeting's recording: any (a host's stop) or only the one named (its deadline passed), so of several
-- instances stopping one recording at once exactly one emits the event.
-- ARGV 5 event type, 6 meeting id, 7 stopped at (ISO-8601), 8 reason, 9 the recording id, or '' for any
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if state == 'ended' then return 'ended' end
local expected = nil
if ARGV[9] ~= '' then expected = ARGV[9] end
if not stop_recording(ARGV[5], ARGV[6], ARGV[7], ARGV[8], expected) then return 'not-recording' end
touch(state)
return 'ok'
