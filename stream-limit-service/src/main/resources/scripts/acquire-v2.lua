-- acquire-v2: start (or renew) one stream lease of one user, atomically, under the user's effective limit.
-- (v1 took the limit as given; v2 reads the user's organization limits inside the script, so no change of a limit
-- can slip in between reading it and admitting.)
--
-- KEYS[1]  the user's leases, a sorted set: member = stream id, score = lease expiry (ms since the epoch)
-- KEYS[2]  the user's "known user" marker (what the seed-compatible API calls "present in the database")
-- KEYS[3]  the user's organization limits, a hash: field = organization id, value = that organization's limit
--          (written by org-limits-v1.lua)
-- ARGV[1]  stream id
-- ARGV[2]  lease lifetime in ms
-- ARGV[3]  base limit: the most leases the user may hold at once when KEYS[3] holds no limit
-- ARGV[4]  over-limit policy: 'reject' or 'evict-oldest'
-- ARGV[5]  how long the known-user marker is kept, in ms
--
-- The effective limit is the largest value in KEYS[3] (a person in two organizations gets the more generous one);
-- values that are not whole numbers of at most 9 digits are ignored; without any, ARGV[3].
--
-- Returns {outcome, count, expiry, limit, n, expired id, expired score, ... (n pairs), m, evicted id, evicted score, ...}
--   outcome  'admitted' (new lease), 'renewed' (the stream id was already held: it does not count twice) or
--            'rejected' (at the limit under 'reject')
--   count    leases the user holds afterwards
--   expiry   the lease's new expiry (on 'rejected': the current time)
--   limit    the effective limit the decision was made under
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

local best = nil
for _, value in ipairs(redis.call('HVALS', KEYS[3])) do
  if #value <= 9 and string.match(value, '^%d+$') then
    local candidate = tonumber(value)
    if best == nil or candidate > best then
      best = candidate
    end
  end
end
if best ~= nil then
  limit = best
end

local expired = redis.call('ZRANGEBYSCORE', key, '-inf', now, 'WITHSCORES')
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[5])

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

local reply = {outcome, count, expiry, limit, #expired / 2}
for _, value in ipairs(expired) do
  reply[#reply + 1] = value
end
reply[#reply + 1] = #evicted / 2
for _, value in ipairs(evicted) do
  reply[#reply + 1] = value
end
return reply
