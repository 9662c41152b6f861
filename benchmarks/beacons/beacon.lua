-- wrk script for the beacon benchmark. Every request is a distinct, valid Parley beacon (what a browser's
-- navigator.sendBeacon sends: text/plain, token in access_token) for one of the benchmark's participants, so every
-- 204 must become its own record on Kafka.
-- Arguments after `--`: <tokens file: "meetingId participantId token" per line> <epoch ms> <run label>

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  for line in io.lines(args[1]) do
    local meeting, participant, token = line:match("^(%S+) (%S+) (%S+)$")
    table.insert(tokens, { meeting = meeting, participant = participant, path = "/api/quality/beacons?access_token=" .. token })
  end
  base = tonumber(args[2])
  label = args[3]
  counter = 0
  accepted = 0
  other = 0
  others = ""
  headers = { ["Content-Type"] = "text/plain;charset=UTF-8" }
end

function request()
  counter = counter + 1
  local t = tokens[(counter % #tokens) + 1]
  -- (session, timestamp) identifies a sample: a new session every 1000 requests keeps timestamps within a second
  local session = label .. "-" .. id .. "-" .. math.floor(counter / 1000)
  local body = string.format(
    '{"meetingId":"%s","participantId":"%s","sessionId":"%s","timestamp":%d,"stats":{"rttMs":%d,"jitterMs":3.5,' ..
    '"packetLossPct":{"send":0.1,"recv":0.4},"bitrateBps":{"send":{"audio":32000,"video":800000},' ..
    '"recv":{"audio":31000,"video":1100000}},"framesPerSecond":30,"frameWidth":1280,"frameHeight":720}}',
    t.meeting, t.participant, session, base + (counter % 1000), 20 + counter % 80)
  return wrk.format("POST", t.path, headers, body)
end

function response(status, headers, body)
  if status == 204 then
    accepted = accepted + 1
  else
    other = other + 1
    -- only strings cross from the worker threads to done(): keep the statuses seen as a list
    others = others .. status .. " "
  end
end

function done(summary, latency, requests)
  local a, o, statuses = 0, 0, {}
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    o = o + thread:get("other")
    for status in string.gmatch(thread:get("others"), "%d+") do
      statuses[status] = (statuses[status] or 0) + 1
    end
  end
  local seen = ""
  for status, count in pairs(statuses) do
    seen = seen .. " " .. status .. "x" .. count
  end
  io.write(string.format("PARLEY accepted=%d other=%d%s\n", a, o, seen))
end
