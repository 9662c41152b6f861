-- end-oldest-v1: the seed-compatible API's "end a stream of this user", which names no stream: ends the user's
-- oldest lease (lowest expiry) among those whose stream id starts with the prefix.
--
-- KEYS[1]  the user's leases (see acquire-v2.lua)
-- KEYS[2]  the user's "known user" marker (set by acquire-v2.lua)
-- ARGV[1]  stream id prefix
--
-- Returns {outcome, count, ended stream id or '', n, expired id, expired score, ...}
--   outcome  'ended', 'none' (no matching lease) or 'unknown' (the user never started a stream)
local key = KEYS[1]
local prefix = ARGV[1]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local expired = redis.call('ZRANGEBYSCORE', key, '-inf', now, 'WITHSCORES')
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
end

local outcome = 'none'
local ended = ''
if redis.call('EXISTS', KEYS[2]) == 0 and redis.call('EXISTS', key) == 0 then
  outcome = 'unknown'
else
  for _, id in ipairs(redis.call('ZRANGE', key, 0, -1)) do
    if string.sub(id, 1, #prefix) == prefix then
      redis.call('ZREM', key, id)
      outcome = 'ended'
      ended = id
      break
    end
  end
end

local reply = {outcome, redis.call('ZCARD', key), ended, #expired / 2}
for _, value in ipairs(expired) do
  reply[#reply + 1] = value
end
return reply
