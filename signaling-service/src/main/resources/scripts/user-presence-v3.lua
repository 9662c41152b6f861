-- A person's presence from their live user sockets and meeting sockets, and whether it changed.
-- KEYS[1] devices (zset user socket -> deadline ms), KEYS[2] calls (zset meeting participant -> deadline ms),
-- KEYS[3] last announced state, KEYS[4] index (zset account -> first deadline of either zset)
-- ARGV: op (join | put | remove | stay | exit | recompute), member, deadline, now, account, ttl ms,
-- most devices (join only)
-- Members: "u:<instance>:<socket>" for a user socket (devices), "m:<meeting>:<participant>" for a meeting socket
-- (calls), so a participant whose socket moved to another instance stays one entry.
-- State: in-call while any meeting socket lives, else online while any user socket lives, else offline.
-- Returns the new state when it changed, "" otherwise; "full" when a join found the person at their most devices
-- (and added nothing).
local devices, calls, stateKey, index = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local op, member, deadline, now, account, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6])

redis.call('ZREMRANGEBYSCORE', devices, '-inf', now)
redis.call('ZREMRANGEBYSCORE', calls, '-inf', now)
if op == 'join' then
  if not redis.call('ZSCORE', devices, member) and redis.call('ZCARD', devices) >= tonumber(ARGV[7]) then
    return 'full'
  end
  redis.call('ZADD', devices, deadline, member)
elseif op == 'put' then
  redis.call('ZADD', devices, deadline, member)
elseif op == 'remove' then
  redis.call('ZREM', devices, member)
elseif op == 'stay' then
  redis.call('ZADD', calls, deadline, member)
elseif op == 'exit' then
  redis.call('ZREM', calls, member)
end

-- the earliest deadline of a zset, or nil when it is empty (then it is deleted); a live one lives one more ttl
local function first(key)
  local entry = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if #entry == 0 then
    redis.call('DEL', key)
    return nil
  end
  redis.call('PEXPIRE', key, ttl)
  return tonumber(entry[2])
end

local firstDevice, firstCall = first(devices), first(calls)
local state = 'offline'
if firstCall then
  state = 'in-call'
elseif firstDevice then
  state = 'online'
end

local earliest = firstDevice
if firstCall and (not earliest or firstCall < earliest) then
  earliest = firstCall
end
if earliest then
  redis.call('ZADD', index, earliest, account)
else
  redis.call('ZREM', index, account)
end

local previous = redis.call('GET', stateKey) or 'offline'
if state == 'offline' then
  redis.call('DEL', stateKey)
else
  redis.call('SET', stateKey, state, 'PX', ttl)
end
if previous == state then
  return ''
end
return state
