-- presence-remove-v1: a closed socket takes its participant out of presence only if the entry is still the one its
-- instance wrote. A participant that reconnected to another instance before the old socket's close was handled has
-- a newer entry there, which must stay: removing it would make a connected participant vanish for the others.
--
-- KEYS[1]   presence:{meeting:<id>}: hash, participant id -> entry JSON (PresenceEntry)
-- ARGV[1]   participant id
-- ARGV[2]   the id of the instance whose socket closed
-- Answers '1' when the entry was removed, '0' otherwise.
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if not stored then
  return '0'
end
local ok, entry = pcall(cjson.decode, stored)
if ok and type(entry) == 'table' and entry.instance ~= ARGV[2] then
  return '0'
end
redis.call('HDEL', KEYS[1], ARGV[1])
return '1'
