-- wrk script for scripts/bench-server. BENCH_MODE picks the request:
--   ceiling  GET /api/v1/prisoners without a token (401: the framework's ceiling, no database)
--   read     audited GET /api/v1/prisoners/{id}, a random seeded id each time (BENCH_IDS: file of ids)
--   list     GET /api/v1/prisoners?perPage=25 on a random page of the first 40
--   search   GET /api/v1/search?name=… with a random seeded surname (BENCH_NAMES: file of surnames)
--   create   POST /api/v1/prisoners (a new prisoner each time)
-- BENCH_TOKEN is the bearer token. done() prints one RESULT line that the shell script parses.
local mode = os.getenv("BENCH_MODE") or "ceiling"
local token = os.getenv("BENCH_TOKEN") or ""

local function lines(path)
  local list = {}
  if path then
    for line in io.lines(path) do
      if #line > 0 then list[#list + 1] = line end
    end
  end
  return list
end

local ids, names = {}, {}
if mode == "read" then ids = lines(os.getenv("BENCH_IDS")) end
if mode == "search" then names = lines(os.getenv("BENCH_NAMES")) end

local function escape(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local auth = { ["Authorization"] = "Bearer " .. token, ["X-Bureau-Purpose"] = "benchmark" }
local createHeaders = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local createBody = '{"powerDependedOn": {"power": "RUS"}, "forcesServedWith": "Armed Forces of the Russian Federation",'
  .. ' "languages": ["ru"], "claims": [{"surname": "Бенчмарков", "firstNames": "Иван", "fatherName": "Сергеевич",'
  .. ' "dateOfBirth": "1994-03-02", "source": "document", "isAssessed": true}],'
  .. ' "capturedAt": "2025-02-14T06:00:00Z", "capture": {"place": "Sumy oblast"}}'

function setup(thread)
  thread:set("id", tostring(thread))
end

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
end

function request()
  if mode == "ceiling" then
    return wrk.format("GET", "/api/v1/prisoners")
  elseif mode == "read" then
    return wrk.format("GET", "/api/v1/prisoners/" .. ids[math.random(#ids)], auth)
  elseif mode == "list" then
    return wrk.format("GET", "/api/v1/prisoners?perPage=25&page=" .. math.random(40), auth)
  elseif mode == "search" then
    return wrk.format("GET", "/api/v1/search?name=" .. escape(names[math.random(#names)]), auth)
  else
    return wrk.format("POST", "/api/v1/prisoners", createHeaders, createBody)
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %s %.1f %.2f %.2f %.2f %d %d %d\n", mode, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.mean / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end

-- BENCH_ACKED: a file to which every acknowledged create (201) appends its prisoner id (scripts/bench/kill-check).
local acked = os.getenv("BENCH_ACKED")
if acked and mode == "create" then
  local out = io.open(acked, "a")
  out:setvbuf("line")
  function response(status, headers, body)
    if status == 201 then
      local location = headers["Location"] or headers["location"] or ""
      out:write(location:match("[^/]+$") or "", "\n")
    end
  end
end
