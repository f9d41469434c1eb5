-- Compatible publishes for wrk: each thread (one connection) publishes to its own asset, bench.asset-<n>, a schema
-- with one property more than a fixed one, so that every version is compatible (BACKWARD) and new.
local next_id = 1
function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
end

function init(args)
    n = 0
    prefix = args[1] or "p"
    token = args[2]
end

function request()
    n = n + 1
    local body = '{"format":"JSON_SCHEMA","schema":{"type":"object","properties":{"id":{"type":"string"},"'
        .. prefix .. n .. '":{"type":"string"}}}}'
    return wrk.format("POST", "/api/v1/assets/bench.asset-" .. id .. "/contracts",
        {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

function response(status, headers, body)
    if status ~= 201 then
        io.stderr:write("publish answered " .. status .. ": " .. body .. "\n")
    end
end
