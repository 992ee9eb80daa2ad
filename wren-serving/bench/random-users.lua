-- wrk script: one recommendation request per call for a random user 1..MAX_USER (seeded, so runs repeat).
-- MAX_USER comes from the environment (default 610, the users of ml-latest-small).
local max_user = tonumber(os.getenv("MAX_USER") or "610")
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/v1/users/" .. math.random(1, max_user) .. "/recommendations?size=10")
end
