-- A person's presence from their live sockets, and whether it changed.
-- KEYS[1] devices (zset member -> deadline ms), KEYS[2] last announced state, KEYS[3] index (zset account -> first deadline)
-- ARGV: op (join | put | remove | recompute), member, deadline, now, account, ttl ms, most devices (join only)
-- Members: "u:<instance>:<socket>", one per user socket.
-- Returns the new state ("online", "offline") when it changed, "" otherwise; "full" when a join found the person
-- at their most devices (and added nothing).
local devices, stateKey, index = KEYS[1], KEYS[2], KEYS[3]
local op, member, deadline, now, account, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6])

redis.call('ZREMRANGEBYSCORE', devices, '-inf', now)
if op == 'join' then
  if not redis.call('ZSCORE', devices, member) and redis.call('ZCARD', devices) >= tonumber(ARGV[7]) then
    return 'full'
  end
  redis.call('ZADD', devices, deadline, member)
elseif op == 'put' then
  redis.call('ZADD', devices, deadline, member)
elseif op == 'remove' then
  redis.call('ZREM', devices, member)
end

local count = redis.call('ZCARD', devices)
local state = 'offline'
if count > 0 then
  state = 'online'
end

if count == 0 then
  redis.call('ZREM', index, account)
  redis.call('DEL', devices)
else
  local first = redis.call('ZRANGE', devices, 0, 0, 'WITHSCORES')
  redis.call('ZADD', index, first[2], account)
  redis.call('PEXPIRE', devices, ttl)
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
