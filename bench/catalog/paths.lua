-- wrk script: requests the paths listed in the file named by PATHS_FILE in
-- turn (one per line), and prints a JSON summary line at the end.
local paths = {}
local index = 0

function init(args)
  local file = assert(io.open(os.getenv("PATHS_FILE"), "r"))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  index = math.random(#paths)
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

dofile("bench/lib/summary.lua")
