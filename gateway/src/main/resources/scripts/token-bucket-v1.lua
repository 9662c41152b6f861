-- Token bucket, version 1. KEYS[1]: the client's bucket (hash with tokens and ts).
-- ARGV: refill rate per second, capacity, now in ms, tokens requested.
-- Returns {allowed (1|0), tokens left (floor), ms until enough tokens (0 when allowed)}.
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local requested = tonumber(ARGV[4])

local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local last = tonumber(state[2]) or now
local elapsed = math.max(0, now - last)
tokens = math.min(capacity, tokens + elapsed * rate / 1000)

local allowed = 0
local wait = 0
if tokens >= requested then
  allowed = 1
  tokens = tokens - requested
else
  wait = math.ceil((requested - tokens) * 1000 / rate)
end

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return { allowed, math.floor(tokens), wait }
