-- wrk: every request creates a meeting (guest creation), so each is a Lua script in Redis, a signed host token and
-- a meeting.created event on Kafka. Counts answers by status.
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  ok, refused, other = 0, 0, 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"hostName":"Bench Host"}'
end

function response(status, headers, body)
  if status == 201 then ok = ok + 1 elseif status == 409 then refused = refused + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local o, r, x = 0, 0, 0
  for _, thread in ipairs(threads) do
    o = o + thread:get("ok"); r = r + thread:get("refused"); x = x + thread:get("other")
  end
  io.write(string.format("BENCH ok=%d refused=%d other=%d\n", o, r, x))
  io.write(string.format("BENCH p50_us=%d p99_us=%d\n", latency:percentile(50), latency:percentile(99)))
end
