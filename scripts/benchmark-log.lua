-- wrk script (scripts/benchmark-log.sh, scripts/benchmark-http.sh): POST one action-matrix decision per request, varying
-- the service so requests are not identical; REGLAMENT_BENCH_PAUSE_MS (default 0) is how long each connection waits
-- between requests.
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"asOf":"2018-10-01","service":{"registryId":"%d","name":"Услуга","category":"REGIONAL",'
    .. '"applicationsPerYear":%d,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,'
    .. '"feeOrPayment":true,"providedViaMfc":true}}', 41000000000000 + counter % 5000, 90 + counter % 20)
  return wrk.format("POST", "/api/v1/decisions/action-matrix", {["Content-Type"] = "application/json"}, body)
end

local pause = tonumber(os.getenv("REGLAMENT_BENCH_PAUSE_MS") or "0")
if pause > 0 then
  delay = function()
    return pause
  end
end
