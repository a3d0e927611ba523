-- wrk: client-credentials token requests (POST /oauth2/token) as the bench
-- service client, authenticating with HTTP Basic.
wrk.method = "POST"
wrk.path = "/oauth2/token"
wrk.body = "grant_type=client_credentials&scope=catalog.reservations"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BASIC_CREDENTIALS")
dofile("bench/lib/summary.lua")
