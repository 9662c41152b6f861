-- Relays a message to one participant of a meeting through the meeting's channel, if that participant is present
-- anywhere: one round trip instead of a presence check and a publish.
-- KEYS[1] presence hash of the meeting, ARGV[1] participant id, ARGV[2] the meeting's channel, ARGV[3] the envelope
-- Returns the number of instances that received it, or -1 when the participant is not present.
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  return redis.call('PUBLISH', ARGV[2], ARGV[3])
end
return -1
