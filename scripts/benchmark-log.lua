-- wrk script (scripts/benchmark-log.sh, scripts/benchmark-http.sh, scripts/benchmark-replicas.py): POST one
-- action-matrix decision per request, the service varied from request to request (5,000 requests, in turn);
-- REGLAMENT_BENCH_PAUSE_MS (default 0) is how long each connection waits between requests. The load generator runs
-- on the same two cores as the server (issue 17, point 3), so what it spends per request is taken from the server:
-- the requests are formatted once per wrk thread, in init(), not in Lua for every request. wrk.format does not add
-- the -H headers (an API key) to headers of its own, so they are copied in: with -H "X-API-Key: ..." every request
-- carries the key, and its receipt names the key's caller.
local requests = {}
init = function()
  for counter = 1, 5000 do
    local body = string.format('{"asOf":"2018-10-01","service":{"registryId":"%d","name":"Услуга","category":"REGIONAL",'
      .. '"applicationsPerYear":%d,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,'
      .. '"feeOrPayment":true,"providedViaMfc":true}}', 41000000000000 + counter % 5000, 90 + counter % 20)
    local headers = {["Content-Type"] = "application/json"}
    for name, value in pairs(wrk.headers) do
      headers[name] = value
    end
    requests[counter] = wrk.format("POST", "/api/v1/decisions/action-matrix", headers, body)
  end
end

local counter = 0
request = function()
  counter = counter % 5000 + 1
  return requests[counter]
end

local pause = tonumber(os.getenv("REGLAMENT_BENCH_PAUSE_MS") or "0")
if pause > 0 then
  delay = function()
    return pause
  end
end
