-- Takes a meeting's outbox for publishing, unless another publisher holds it, and reads the first batch.
-- KEYS 1 lock, 2 outbox; ARGV 1 holder token, 2 lock TTL (ms), 3 batch size
-- Returns {0} when the outbox is taken, else {1, event...} (just {1} when it is empty).
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return { 0 } end
local batch = redis.call('LRANGE', KEYS[2], 0, tonumber(ARGV[3]) - 1)
table.insert(batch, 1, 1)
return batch
