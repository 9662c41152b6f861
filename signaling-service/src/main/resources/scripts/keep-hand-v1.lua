-- keep-hand-v1: shared by the scripts that rewrite a presence entry from a socket's state (presence-put,
-- presence-beat). The hand (raisedAt) belongs to Redis, not to the socket: only hand-v1.lua changes it, so a
-- rewrite keeps the stored value; a socket that reconnects (to this or another instance) keeps its place in line.
local function keep_hand(stored, fresh)
  if not stored or not string.find(stored, '"raisedAt":%d') then
    return fresh
  end
  local readable, previous = pcall(cjson.decode, stored)
  if not readable or type(previous) ~= 'table' or type(previous.raisedAt) ~= 'number' then
    return fresh
  end
  local entry = cjson.decode(fresh)
  entry.raisedAt = previous.raisedAt
  return cjson.encode(entry)
end
