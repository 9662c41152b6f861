-- ARGV 5 host participant id, 6 host participant JSON, 7 event type, 8 event data, 9.. meeting field/value pairs
if redis.call('EXISTS', KEYS[1]) == 1 then return 'exists' end
redis.call('HSET', KEYS[1], 'state', 'open', 'seq', 0, unpack(ARGV, 9))
redis.call('HSET', KEYS[2], ARGV[5], ARGV[6])
emit(ARGV[7], ARGV[8])
touch('open')
return 'ok'
