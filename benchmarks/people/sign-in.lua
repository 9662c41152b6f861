-- wrk: every request signs in one of the bench.accounts accounts the benchmark signed up (bench-<n>@example.org,
-- all with the same password), cycling through them; each connection starts at a different account. Counts the
-- answers by status: 200 is a sign-in, 503 a full hashing queue, 429 the throttle, 401 a refused password.
local thread_id = 0
local threads = {}
local accounts = tonumber(os.getenv("BENCH_ACCOUNTS") or "200")
local password = os.getenv("BENCH_PASSWORD") or "benchmark password 1"
local prefix = os.getenv("BENCH_EMAIL_PREFIX") or "bench-"

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  ok, unavailable, throttled, refused, other, first_other = 0, 0, 0, 0, 0, 0
  -- threads start far apart in the cycle, so two never sign in the same account at the same moment
  next_account = (id * 7919) % accounts
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local email = string.format("%s%d@example.org", prefix, next_account)
  next_account = (next_account + 1) % accounts
  return wrk.format(nil, "/api/session", nil, string.format('{"email":"%s","password":"%s"}', email, password))
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  elseif status == 503 then
    unavailable = unavailable + 1
  elseif status == 429 then
    throttled = throttled + 1
  elseif status == 401 then
    refused = refused + 1
  else
    other = other + 1
    if first_other == 0 then
      first_other = status
    end
  end
end

function done(summary, latency, requests)
  local o, u, t, r, x, f = 0, 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    o = o + thread:get("ok")
    u = u + thread:get("unavailable")
    t = t + thread:get("throttled")
    r = r + thread:get("refused")
    x = x + thread:get("other")
    if f == 0 then
      f = thread:get("first_other")
    end
  end
  io.write(string.format("BENCH ok=%d unavailable=%d throttled=%d refused=%d other=%d first_other=%d\n",
    o, u, t, r, x, f))
  io.write(string.format("BENCH p50_us=%d p99_us=%d\n", latency:percentile(50), latency:percentile(99)))
end
