-- Records one quality sample in its meeting's bounded, expiring series, at most once.
-- Atomic, so a redelivered record or a beacon sent twice cannot be counted twice, also when two collector
-- instances race; every key shares the meeting's hash tag, so this runs on Redis Cluster too.
--
-- KEYS[1] participants (zset: participant id -> first sample timestamp)
-- KEYS[2] the participant's index (zset: "sessionId|timestamp" -> timestamp), for ordering and trimming
-- KEYS[3] the participant's points (hash: "sessionId|timestamp" -> point JSON)
-- KEYS[4] the meeting's totals (hash: samples, first, last), over every sample ever recorded
-- ARGV: member, timestamp (epoch ms), point JSON, max points per participant, max participants, ttl seconds,
--       participant id
-- Returns 1 recorded, 0 duplicate, -1 older than the whole retained series, -2 meeting already tracks the maximum
-- number of participants.
local member, timestamp, point = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local maxPoints, maxParticipants, ttl = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local participant = ARGV[7]

if redis.call('HEXISTS', KEYS[3], member) == 1 then
  return 0
end

local count = redis.call('ZCARD', KEYS[2])
if count >= maxPoints then
  -- a sample older than all kept ones would be trimmed at once, and it can no longer be told from a duplicate
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  if timestamp < tonumber(oldest[2]) then
    return -1
  end
end

if not redis.call('ZSCORE', KEYS[1], participant) then
  if redis.call('ZCARD', KEYS[1]) >= maxParticipants then
    return -2
  end
  redis.call('ZADD', KEYS[1], ARGV[2], participant)
end

redis.call('ZADD', KEYS[2], ARGV[2], member)
redis.call('HSET', KEYS[3], member, point)
if count + 1 > maxPoints then
  local excess = count + 1 - maxPoints
  local dropped = redis.call('ZRANGE', KEYS[2], 0, excess - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
  redis.call('HDEL', KEYS[3], unpack(dropped))
end

redis.call('HINCRBY', KEYS[4], 'samples', 1)
local first = redis.call('HGET', KEYS[4], 'first')
if not first or timestamp < tonumber(first) then
  redis.call('HSET', KEYS[4], 'first', ARGV[2])
end
local last = redis.call('HGET', KEYS[4], 'last')
if not last or timestamp > tonumber(last) then
  redis.call('HSET', KEYS[4], 'last', ARGV[2])
end

for i = 1, 4 do
  redis.call('EXPIRE', KEYS[i], ttl)
end
return 1
