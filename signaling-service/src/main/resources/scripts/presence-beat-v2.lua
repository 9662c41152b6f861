-- presence-beat-v2 (after keep-hand-v1): one instance's heartbeat for one meeting in one round trip: refresh the
-- entries of the participants this instance holds (keeping their stored hands), then remove the entries that no
-- instance refreshed within the timeout (their instance died). Removing and answering in the same script means
-- exactly one instance announces each departure.
--
-- KEYS[1]   presence:{meeting:<id>}: hash, participant id -> entry JSON (PresenceEntry)
-- ARGV[1]   now (ms since the epoch)
-- ARGV[2]   timeout (ms): an entry of another instance last seen longer ago than this is stale
-- ARGV[3]   this instance's id
-- ARGV[4]   lifetime of the key (seconds), renewed by every beat
-- ARGV[5..] participant id, entry JSON, participant id, entry JSON, ... for the participants this instance holds
-- Answers the JSON of every entry it removed.
local now = tonumber(ARGV[1])
local timeout = tonumber(ARGV[2])
for i = 5, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], keep_hand(redis.call('HGET', KEYS[1], ARGV[i]), ARGV[i + 1]))
end
local removed = {}
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local readable, entry = pcall(cjson.decode, entries[i + 1])
  if readable and type(entry) == 'table' and entry.instance ~= ARGV[3]
      and now - (tonumber(entry.lastSeen) or 0) > timeout then
    redis.call('HDEL', KEYS[1], entries[i])
    removed[#removed + 1] = entries[i + 1]
  end
end
redis.call('EXPIRE', KEYS[1], ARGV[4])
return removed
