-- Shared by every script that changes a meeting (prepended to each). All keys share the meeting's hash tag, so the
-- scripts also run on Redis Cluster.
-- KEYS: 1 meeting hash, 2 participants hash (id -> JSON), 3 muted set, 4 online set ("<pid> <connection>"),
--       5 outbox list (events not yet on Kafka)
-- ARGV: 1 now (epoch ms), 2 TTL of a live meeting (ms), 3 TTL of an ended meeting (ms), 4 TTL of the outbox (ms);
--       the script's own arguments start at 5.

-- Every change renews the meeting's life; an ended meeting gets the shorter retention instead.
local function touch(state)
  local ttl = ARGV[2]
  if state == 'ended' then ttl = ARGV[3] end
  for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ttl) end
end

-- Appends the event to the outbox in the same atomic step as the change it describes, so a change is never
-- stored without its event (the publisher moves it to Kafka afterwards). seq orders the events of a meeting.
local function emit(eventType, data)
  local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
  redis.call('RPUSH', KEYS[5], '{"seq":' .. seq .. ',"type":"' .. eventType .. '","data":' .. data .. '}')
  redis.call('PEXPIRE', KEYS[5], ARGV[4])
  return seq
end

-- Stops the meeting's recording, if one runs (with expectedId: only that one), and emits its recording-stopped
-- event. Answers whether it stopped one.
local function stop_recording(eventType, meetingId, stoppedAt, reason, expectedId)
  local recording = redis.call('HMGET', KEYS[1], 'recordingId', 'recordingStartedAt')
  if not recording[1] or (expectedId and expectedId ~= recording[1]) then return false end
  redis.call('HDEL', KEYS[1], 'recordingId', 'recordingStartedAt', 'recordingMaxSeconds', 'recordingBy')
  emit(eventType, cjson.encode({ meetingId = meetingId, recordingId = recording[1], startedAt = recording[2],
    stoppedAt = stoppedAt, reason = reason }))
  return true
end

-- Whether any connection of the participant is open.
local function online(participantId)
  local prefix = participantId .. ' '
  for _, member in ipairs(redis.call('SMEMBERS', KEYS[4])) do
    if string.sub(member, 1, #prefix) == prefix then return true end
  end
  return false
end
