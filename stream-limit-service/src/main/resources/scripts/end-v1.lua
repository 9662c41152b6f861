-- end-v1: end a lease by stream id. ZREM of an absent member changes nothing, so concurrent or repeated ends can
-- never take the count below zero.
--
-- KEYS[1]  the user's leases (see acquire-v2.lua)
-- ARGV[1]  stream id
--
-- Returns {outcome, count, 0, n, expired id, expired score, ...}
--   outcome  'ended' or 'missing' (not held, or already expired)
local key = KEYS[1]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local expired = redis.call('ZRANGEBYSCORE', key, '-inf', now, 'WITHSCORES')
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
end

local outcome = 'missing'
if redis.call('ZREM', key, ARGV[1]) == 1 then
  outcome = 'ended'
end

local reply = {outcome, redis.call('ZCARD', key), 0, #expired / 2}
for _, value in ipairs(expired) do
  reply[#reply + 1] = value
end
return reply
