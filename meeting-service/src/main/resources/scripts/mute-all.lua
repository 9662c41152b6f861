-- Marks every participant but the caller muted.
-- ARGV 5 caller's participant id, 6 event type, 7 event data
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if state == 'ended' then return 'ended' end
for _, participant in ipairs(redis.call('HKEYS', KEYS[2])) do
  if participant ~= ARGV[5] then redis.call('SADD', KEYS[3], participant) end
end
emit(ARGV[6], ARGV[7])
touch(state)
return 'ok'
