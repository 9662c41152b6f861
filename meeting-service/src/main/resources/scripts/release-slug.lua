-- Frees a room name when its meeting ends, unless it already points at a newer meeting.
-- KEYS 1 slug key; ARGV 1 the ended meeting's id
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
