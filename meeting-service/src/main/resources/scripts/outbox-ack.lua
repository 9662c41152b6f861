-- After Kafka acknowledged the first N events read: drops them and reads the next batch. When none is left the
-- lock is released in the same atomic step, so an event appended later finds the outbox free and its own request
-- publishes it; nothing can slip in between "empty" and "released".
-- KEYS 1 lock, 2 outbox; ARGV 1 holder token, 2 N, 3 the first event as read, 4 batch size, 5 lock TTL (ms)
-- Returns {0} when the lock was lost (it expired under a very slow publish), {2} when drained and released,
-- else {1, event...} with the next batch, the lock renewed.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return { 0 } end
if tonumber(ARGV[2]) > 0 and redis.call('LINDEX', KEYS[2], 0) == ARGV[3] then
  redis.call('LTRIM', KEYS[2], tonumber(ARGV[2]), -1)
end
local batch = redis.call('LRANGE', KEYS[2], 0, tonumber(ARGV[4]) - 1)
if #batch == 0 then
  redis.call('DEL', KEYS[1])
  return { 2 }
end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
table.insert(batch, 1, 1)
return batch
