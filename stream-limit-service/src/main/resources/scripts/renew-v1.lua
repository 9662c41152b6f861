-- renew-v1: extend a lease the user holds; never creates one (an expired lease stays ended).
--
-- KEYS[1]  the user's leases (see acquire-v2.lua)
-- ARGV[1]  stream id
-- ARGV[2]  lease lifetime in ms
--
-- Returns {outcome, count, expiry, n, expired id, expired score, ...}
--   outcome  'renewed' or 'missing' (not held, or already expired); expiry is the current time when missing
local key = KEYS[1]
local id = ARGV[1]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local expired = redis.call('ZRANGEBYSCORE', key, '-inf', now, 'WITHSCORES')
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
end

local outcome = 'missing'
local expiry = now
if redis.call('ZSCORE', key, id) then
  expiry = now + tonumber(ARGV[2])
  redis.call('ZADD', key, 'XX', expiry, id)
  outcome = 'renewed'
end

local reply = {outcome, redis.call('ZCARD', key), expiry, #expired / 2}
for _, value in ipairs(expired) do
  reply[#reply + 1] = value
end
return reply
