-- Counts one new meeting against its creator's cap, unless the cap is reached; a refused create is not counted.
-- KEYS 1 the creator's counter; ARGV 1 cap, 2 window (ms)
-- Returns {1, ms left in the window} when counted, {0, ms left} when the cap is reached.
local counted = 0
if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then
  redis.call('INCR', KEYS[1])
  counted = 1
end
-- the first count opens the window; a counter somehow left without expiry gets one too, or it would refuse for ever
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return { counted, redis.call('PTTL', KEYS[1]) }
