-- Drops the first N events of a meeting's outbox once Kafka acknowledged them, checking that the head is still the
-- event the publisher read (only the lock holder trims, but a lock can expire under a very slow publish).
-- KEYS 1 outbox list; ARGV 1 N, 2 the first event as read
if redis.call('LINDEX', KEYS[1], 0) ~= ARGV[2] then return 0 end
redis.call('LTRIM', KEYS[1], tonumber(ARGV[1]), -1)
return 1
