-- Answers {ARGV[1], ARGV[2] as a number, the type of KEYS[1]}.
return { ARGV[1], tonumber(ARGV[2]), redis.call('TYPE', KEYS[1])['ok'] }
