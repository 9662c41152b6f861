-- org-limits-v1: apply one change of one user's organization limits, once per event id.
--
-- KEYS[1]  the user's organization limits, a hash: field = organization id, value = that organization's limit
--          (read by acquire-v2.lua)
-- KEYS[2]  the ids of the events already applied to KEYS[1], a sorted set: member = event id, score = when it was
--          applied (ms since the epoch); kept ARGV[5] ms after its last change
-- ARGV[1]  event id (the CloudEvent's ce_id)
-- ARGV[2]  'set' (KEYS[1][ARGV[3]] = ARGV[4]), 'remove' (delete the field ARGV[3]) or 'clear' (delete KEYS[1])
-- ARGV[3]  organization id ('' for 'clear')
-- ARGV[4]  limit ('' unless 'set')
-- ARGV[5]  how long an applied event id is remembered, in ms
-- ARGV[6]  the most event ids remembered per user (the oldest are forgotten first)
--
-- Returns 'applied', or 'duplicate' when the event id was applied before (within ARGV[5] and the last ARGV[6]
-- events): a redelivered event, or one the producer published twice, never undoes a later change.
local limits = KEYS[1]
local seen = KEYS[2]
local id = ARGV[1]
local operation = ARGV[2]
local window = tonumber(ARGV[5])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

redis.call('ZREMRANGEBYSCORE', seen, '-inf', now - window)
if redis.call('ZSCORE', seen, id) then
  return 'duplicate'
end

if operation == 'set' then
  redis.call('HSET', limits, ARGV[3], ARGV[4])
elseif operation == 'remove' then
  redis.call('HDEL', limits, ARGV[3])
elseif operation == 'clear' then
  redis.call('DEL', limits)
else
  return redis.error_reply('org-limits-v1: unknown operation ' .. tostring(operation))
end

redis.call('ZADD', seen, now, id)
local excess = redis.call('ZCARD', seen) - tonumber(ARGV[6])
if excess > 0 then
  redis.call('ZREMRANGEBYRANK', seen, 0, excess - 1)
end
redis.call('PEXPIRE', seen, window)
return 'applied'
