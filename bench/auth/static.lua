-- wrk: the reference, GET of a static token-sized JSON document from nginx.
wrk.path = "/token.json"
dofile("bench/lib/summary.lua")
