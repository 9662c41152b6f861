-- Locks an open meeting. Locking a locked meeting changes nothing and emits nothing.
-- ARGV 5 event type, 6 event data
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if state == 'ended' then return 'ended' end
if state == 'locked' then return 'unchanged' end
redis.call('HSET', KEYS[1], 'state', 'locked')
emit(ARGV[5], ARGV[6])
touch('locked')
return 'ok'
