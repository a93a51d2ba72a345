-- wrk script: POST one action-matrix decision per request, varying the service so requests are not identical.
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"asOf":"2018-10-01","service":{"registryId":"%d","name":"Услуга","category":"REGIONAL",'
    .. '"applicationsPerYear":%d,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,'
    .. '"feeOrPayment":true,"providedViaMfc":true}}', 41000000000000 + counter % 5000, 90 + counter % 20)
  return wrk.format("POST", "/api/v1/decisions/action-matrix", {["Content-Type"] = "application/json"}, body)
end
