-- hand-v1: raises or lowers one participant's hand in its presence entry. Raising a raised hand keeps the time it
-- was first raised, so a repeated "raise" does not send its sender to the back of the line.
--
-- KEYS[1]   presence:{meeting:<id>}: hash, participant id -> entry JSON (PresenceEntry)
-- ARGV[1]   participant id
-- ARGV[2]   now (ms since the epoch) to raise, empty to lower
-- Answers the entry JSON as stored, or nil when the participant is not in the meeting.
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if not stored then
  return nil
end
local entry = cjson.decode(stored)
local raised = type(entry.raisedAt) == 'number'
if (ARGV[2] == '') ~= raised then
  return stored
end
if raised then
  entry.raisedAt = nil
else
  entry.raisedAt = tonumber(ARGV[2])
end
stored = cjson.encode(entry)
redis.call('HSET', KEYS[1], ARGV[1], stored)
return stored
