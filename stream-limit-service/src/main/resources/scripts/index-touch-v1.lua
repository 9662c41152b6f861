-- index-touch-v1: record a change of one user's leases in the sweeper's index. Runs after the user's own script,
-- in a second call: the index lives in its own hash slot ({index}), so on Redis Cluster it cannot share a script
-- with the user's key.
--
-- KEYS[1]  due: sorted set, member = user id, score <= the earliest expiry of any lease the user holds
-- KEYS[2]  touched: hash, user id -> sequence number of the last new lease (lets a sweeper detect a race)
-- KEYS[3]  sequence counter for KEYS[2]
-- KEYS[4]  active: the number of leases held by all users
-- ARGV[1]  user id
-- ARGV[2]  expiry of a new lease (ms since the epoch), or '' when no lease was added
-- ARGV[3]  change of the number of active leases (+1 admitted, -n ended/expired/evicted)
if ARGV[2] ~= '' then
  redis.call('ZADD', KEYS[1], 'LT', ARGV[2], ARGV[1])
  redis.call('HSET', KEYS[2], ARGV[1], redis.call('INCR', KEYS[3]))
end
local delta = tonumber(ARGV[3])
if delta ~= 0 then
  redis.call('INCRBY', KEYS[4], delta)
end
return 1
