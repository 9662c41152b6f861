-- sweep-v1: drop a user's expired leases and say which, for the sweeper's lease-expired events. Only the caller
-- whose ZREMRANGEBYSCORE removed a lease sees it, so sweepers on several instances never report a lease twice.
--
-- KEYS[1]  the user's leases (see acquire-v2.lua)
--
-- Returns {earliest remaining expiry or '', n, expired id, expired score, ...}
local key = KEYS[1]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local expired = redis.call('ZRANGEBYSCORE', key, '-inf', now, 'WITHSCORES')
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
end

local earliest = ''
local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
if #first > 0 then
  earliest = first[2]
end

local reply = {earliest, #expired / 2}
for _, value in ipairs(expired) do
  reply[#reply + 1] = value
end
return reply
