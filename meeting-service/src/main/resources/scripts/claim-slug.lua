-- Points a room name at a meeting, unless it already points at another one. ARGV[2] names the meeting the caller
-- found there and knows to be ended or gone ('' when it found none): only then is the room taken over.
-- KEYS 1 slug key; ARGV 1 new meeting id, 2 expected current meeting id or '', 3 TTL (ms)
-- Returns the meeting id the room points at afterwards.
local current = redis.call('GET', KEYS[1])
if (not current and ARGV[2] == '') or current == ARGV[2] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
  return ARGV[1]
end
return current
