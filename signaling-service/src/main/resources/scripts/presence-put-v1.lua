-- presence-put-v1 (after keep-hand-v1): writes one participant's entry, keeping the stored hand.
--
-- KEYS[1]   presence:{meeting:<id>}: hash, participant id -> entry JSON (PresenceEntry)
-- ARGV[1]   participant id
-- ARGV[2]   entry JSON
-- ARGV[3]   lifetime of the key (seconds)
-- Answers the entry JSON as stored.
local stored = keep_hand(redis.call('HGET', KEYS[1], ARGV[1]), ARGV[2])
redis.call('HSET', KEYS[1], ARGV[1], stored)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return stored
