-- acquire-v1: start (or renew) one stream lease of one user, atomically.
--
-- KEYS[1]  the user's leases, a sorted set: member = stream id, score = lease expiry (ms since the epoch)
-- KEYS[2]  optional: the user's "known user" marker (what the seed-compatible API calls "present in the database")
-- ARGV[1]  stream id
-- ARGV[2]  lease lifetime in ms
-- ARGV[3]  limit: the most leases the user may hold at once
-- ARGV[4]  over-limit policy: 'reject' or 'evict-oldest'
-- ARGV[5]  with KEYS[2]: how long the marker is kept, in ms
--
-- Returns {outcome, count, expiry, n, expired id, expired score, ... (n pairs), m, evicted id, evicted score, ...}
--   outcome  'admitted' (new lease), 'renewed' (the stream id was already held: it does not count twice) or
--            'rejected' (at the limit under 'reject')
--   count    leases the user holds afterwards
--   expiry   the lease's new expiry (on 'rejected': the current time)
--   expired  leases dropped because their time was up; the caller reports them as lease-expired
--   evicted  leases ended to make room under 'evict-oldest' (lowest expiry first, i.e. least recently renewed)
--
-- Time comes from the Redis server, so service instances with skewed clocks agree on what has expired; Redis
-- replicates the script's effects, not the script, so reading TIME is safe.
local key = KEYS[1]
local id = ARGV[1]
local ttl = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local expired = redis.call('ZRANGEBYSCORE', key, '-inf', now, 'WITHSCORES')
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
end
if KEYS[2] then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[5])
end

local expiry = now + ttl
local outcome
local evicted = {}
local count = redis.call('ZCARD', key)
if redis.call('ZSCORE', key, id) then
  redis.call('ZADD', key, expiry, id)
  outcome = 'renewed'
elseif count < limit then
  redis.call('ZADD', key, expiry, id)
  count = count + 1
  outcome = 'admitted'
elseif ARGV[4] == 'evict-oldest' and limit > 0 then
  evicted = redis.call('ZPOPMIN', key, count - limit + 1)
  redis.call('ZADD', key, expiry, id)
  count = limit
  outcome = 'admitted'
else
  outcome = 'rejected'
  expiry = now
end

local reply = {outcome, count, expiry, #expired / 2}
for _, value in ipairs(expired) do
  reply[#reply + 1] = value
end
reply[#reply + 1] = #evicted / 2
for _, value in ipairs(evicted) do
  reply[#reply + 1] = value
end
return reply
