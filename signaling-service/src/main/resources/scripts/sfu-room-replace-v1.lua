-- sfu-room-replace-v1: a meeting whose Janus instance died moves to a room on another instance, once. Of the
-- participants who find the old room dead at the same moment (each on its own signaling instance), the first to
-- replace the record wins; the others find the record changed and use the winner's room, so the meeting is never
-- split over two rooms and never without a room (which would make it a mesh for whoever joins meanwhile).
--
-- KEYS[1]   sfu:{meeting:<id>}: "<instance> <room id> <room secret>"
-- ARGV[1]   the record of the dead room, as read
-- ARGV[2]   the record of the new room
-- ARGV[3]   time to live of the record, ms
-- Answers 1 when the record was replaced, 0 when it had changed already (or was gone).
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
