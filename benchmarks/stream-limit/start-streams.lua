-- wrk: every request starts a stream for a random user of bench.users with a new stream id, so users fill up to
-- the limit and the rest of their starts are rejected (409), both admission decisions. Counts answers by status.
local counter = 0
local thread_id = 0
local threads = {}
local users = tonumber(os.getenv("BENCH_USERS") or "10000")
local api_key = os.getenv("BENCH_API_KEY")
local prefix = os.getenv("BENCH_USER_PREFIX") or "http-"

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  created, rejected, other = 0, 0, 0
  math.randomseed(os.time() + id * 7919)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Api-Key"] = api_key
end

function request()
  counter = counter + 1
  local body = string.format('{"userId":"%s%d","streamId":"t%d-%d"}', prefix, math.random(1, users), id, counter)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 409 then
    rejected = rejected + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, r, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    r = r + thread:get("rejected")
    o = o + thread:get("other")
  end
  io.write(string.format("BENCH created=%d rejected=%d other=%d\n", c, r, o))
  io.write(string.format("BENCH p50_us=%d p99_us=%d\n", latency:percentile(50), latency:percentile(99)))
end
