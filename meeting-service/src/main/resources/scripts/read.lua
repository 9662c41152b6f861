-- One consistent snapshot of a meeting: its fields, participants, muted and online sets.
return { redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]), redis.call('SMEMBERS', KEYS[3]),
  redis.call('SMEMBERS', KEYS[4]) }
