# The web app: `sapu serve` under wrk, on a generated history of 100,000 bundles.
# Sourced by Scripts/bench.sh, which provides $SAPU, $BENCH and the now/elapsed/row/ms/sec helpers.
# For 1, 8 and 32 connections, each for WEB_SECONDS: the dashboard (GET /, logged in), a scan
# (POST /api/v1/scans, durable before its answer), and beside them, as the reference, the
# stylesheet (GET /static/sapu.css) served by the same server in the same run.
#
# The scans are real writes, each one a different bundle: the generated history leaves most
# bundles `received` by the partner, and each request scans the typed id of the next one in
# `return` mode (received -> returned: the bundle's state and one event, committed with
# synchronous=FULL before the answer, as any scan). No id is sent twice in the whole section,
# so no request is a harmless repeat; the event count is checked after every run.
# SAPU_BENCH_WEB_BUNDLES sets the size (default 100,000), SAPU_BENCH_WEB_SECONDS the run length.

WEB_DIR="$BENCH/web"
WEB_DB="$WEB_DIR/sapu.sqlite"
WEB_BUNDLES="${SAPU_BENCH_WEB_BUNDLES:-100000}"
WEB_SECONDS="${SAPU_BENCH_WEB_SECONDS:-10}"
WEB_PASSWORD="bench-password-1"
mkdir -p "$WEB_DIR"
web_sapu() { SAPU_DB="$WEB_DB" "$SAPU" "$@"; }

echo
echo "web app (sapu serve, release) on a generated history of $WEB_BUNDLES bundles; wrk ${WEB_SECONDS} s per figure"
web_sapu init --site PWT --name "Bench" >/dev/null
web_sapu report generate --bundles "$WEB_BUNDLES" >/dev/null 2>&1
printf '%s\n' "$WEB_PASSWORD" | web_sapu user add BENCH --role gudang --password-stdin >/dev/null

# Three disjoint lists of received bundles, one per connection count.
sqlite3 "$WEB_DB" "SELECT id FROM bundle WHERE state = 'received' ORDER BY id" > "$WEB_DIR/received.txt"
for part in 0 1 2; do awk -v part="$part" 'NR % 3 == part' "$WEB_DIR/received.txt" > "$WEB_DIR/scan-ids-$part.txt"; done

# The server, on a free loopback port; stopped with Ctrl-C (SIGINT) at the end, or if the benchmark stops.
web_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SAPU" serve --listen "127.0.0.1:$web_port" --db "$WEB_DB" --files "$WEB_DIR/files" > "$WEB_DIR/serve.log" 2>&1 &
WEB_PID=$!
web_stop() {
    [[ -n "${WEB_PID:-}" ]] || return 0
    kill -INT "$WEB_PID" 2>/dev/null || true
    wait "$WEB_PID" 2>/dev/null || true
    WEB_PID=""
}
trap web_stop EXIT
WEB_URL=""
for _ in $(seq 600); do
    WEB_URL=$(grep -o 'http://[^ ]*/' "$WEB_DIR/serve.log" | head -n 1 || true)
    if [[ -n "$WEB_URL" ]] || ! kill -0 "$WEB_PID" 2>/dev/null; then break; fi
    sleep 0.05
done
if [[ -z "$WEB_URL" ]]; then
    echo "!! sapu serve did not start: $(cat "$WEB_DIR/serve.log")" >&2
    exit 1
fi

# Log in through the API: the session cookie and the form token every POST carries.
cat > "$WEB_DIR/client.py" <<'PYTHON'
"""login URL CODE PASSWORD -> 'COOKIE CSRF';  post URL COOKIE CSRF JSON -> 'STATUS BODY';  drain URL COOKIE"""
import json, sys, urllib.error, urllib.request

def post(url, body, headers):
    request = urllib.request.Request(url, data=body.encode(), method="POST",
                                     headers=dict(headers, **{"Content-Type": "application/json", "Accept": "application/json"}))
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers, answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers, refused.read().decode()

if sys.argv[1] == "login":
    status, headers, body = post(sys.argv[2] + "api/v1/session", json.dumps({"code": sys.argv[3], "password": sys.argv[4]}), {})
    if status != 200:
        sys.exit(f"log-in answered {status}: {body}")
    print(headers["Set-Cookie"].split(";")[0], json.loads(body)["csrf"])
elif sys.argv[1] == "post":
    status, _, body = post(sys.argv[2] + "api/v1/scans", sys.argv[5], {"Cookie": sys.argv[3], "X-CSRF-Token": sys.argv[4]})
    print(status, " ".join(body.split()))
else:  # drain URL COOKIE: one dashboard, answered once the requests wrk left queued are done
    request = urllib.request.Request(sys.argv[2] + "api/v1/dashboard", headers={"Cookie": sys.argv[3]})
    urllib.request.urlopen(request, timeout=600).read()
PYTHON
read -r WEB_COOKIE WEB_CSRF < <(python3 "$WEB_DIR/client.py" login "$WEB_URL" BENCH "$WEB_PASSWORD")

# Every run prints one line from done(): requests/s, p99 in ms, requests, non-2xx answers.
cat > "$WEB_DIR/report.lua" <<'LUA'
bad = 0  -- a global: done() reads each thread's with thread:get
function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("bad") end
  failed = failed + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("WRK %.1f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
                         latency:percentile(99) / 1000, summary.requests, failed))
end
LUA
# The scan: each thread takes every Nth id of the run's list, so every request scans another bundle.
cat > "$WEB_DIR/scan.lua" <<'LUA'
bad, repeated = 0, 0  -- globals: done() reads each thread's with thread:get
local next_index = 0
local ids = {}
local threads = {}
function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end
function init(args)
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  cookie, csrf, stride = args[2], args[3], tonumber(args[4])
  next_index = offset + 1
end
function request()
  local id = ids[next_index]
  if id == nil then repeated = repeated + 1; id = ids[1] end
  next_index = next_index + stride
  return wrk.format("POST", "/api/v1/scans",
    {["Content-Type"] = "application/json", ["Accept"] = "application/json", ["Cookie"] = cookie, ["X-CSRF-Token"] = csrf},
    '{"code":"' .. id .. '","mode":"return"}')
end
function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"tone":"ok"', 1, true) then bad = bad + 1 end
end
function done(summary, latency, requests)
  local failed, again = 0, 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("bad"); again = again + thread:get("repeated") end
  failed = failed + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("WRK %.1f %.2f %d %d %d\n", summary.requests / (summary.duration / 1e6),
                         latency:percentile(99) / 1000, summary.requests, failed, again))
end
LUA

# wrk CONNECTIONS PATH SCRIPT [ARGS...]: prints "rps p99ms requests failed [repeats]".
web_wrk() {
    local connections=$1 path=$2 script=$3
    shift 3
    local threads=$(( connections < $(nproc) ? connections : $(nproc) ))
    wrk -t "$threads" -c "$connections" -d "${WEB_SECONDS}s" --timeout 10s -H "Cookie: $WEB_COOKIE" \
        -s "$script" "${WEB_URL%/}$path" -- "$@" | awk '/^WRK / { $1 = ""; print substr($0, 2) }'
}
# Waits until the server has answered what wrk left queued, so that a figure does not pay for
# the one before it.
web_drain() { python3 "$WEB_DIR/client.py" drain "$WEB_URL" "$WEB_COOKIE"; }
# Warns when a run's figure means little: requests failed, or none was answered at all.
web_check() {
    local what=$1 answered=$2 failed=$3
    [[ "$answered" != 0 ]] || echo "!! $what: no request was answered within ${WEB_SECONDS} s" >&2
    [[ "$failed" == 0 ]] || echo "!! $what: $failed requests failed (an error status, a refused scan or a time-out); $answered answered" >&2
}
web_events() { sqlite3 "$WEB_DB" "SELECT COUNT(*) FROM event WHERE move = 'return'"; }

# The scan route must exist and answer JSON: one check-mode scan (check mode writes nothing).
read -r probe_status probe_body < <(python3 "$WEB_DIR/client.py" post "$WEB_URL" "$WEB_COOKIE" "$WEB_CSRF" \
    "{\"code\":\"$(head -n 1 "$WEB_DIR/received.txt")\",\"mode\":\"check\"}")
web_scan_ok=1
if [[ "$probe_status" != 200 || "$probe_body" != *'"tone"'* ]]; then
    echo "!! POST /api/v1/scans answered $probe_status ${probe_body:0:200}: no web scan figures (the scan API is missing or broken)" >&2
    web_scan_ok=0
    BENCH_FAILED=1
fi

for connections in 1 8 32; do
    read -r s_rps s_p99 s_n s_bad < <(web_wrk "$connections" /static/sapu.css "$WEB_DIR/report.lua")
    web_drain
    reference="static /static/sapu.css: $s_rps req/s, p99 $s_p99 ms"
    web_check "static file, $connections conn" "$s_n" "$s_bad"
    read -r d_rps d_p99 d_n d_bad < <(web_wrk "$connections" / "$WEB_DIR/report.lua")
    web_drain
    web_check "dashboard, $connections conn" "$d_n" "$d_bad"
    row "web: dashboard GET /, $connections conn (req/s, p99)" "$d_rps /s" "p99 $d_p99 ms; $reference"
    if [[ $web_scan_ok == 1 ]]; then
        part=$(( connections == 1 ? 0 : connections == 8 ? 1 : 2 ))
        before=$(web_events)
        read -r w_rps w_p99 w_n w_bad w_again < <(web_wrk "$connections" /api/v1/scans "$WEB_DIR/scan.lua" \
            "$WEB_DIR/scan-ids-$part.txt" "$WEB_COOKIE" "$WEB_CSRF" \
            "$(( connections < $(nproc) ? connections : $(nproc) ))")
        web_drain
        written=$(( $(web_events) - before ))
        row "web: scan POST /api/v1/scans, $connections conn (req/s, p99)" "$w_rps /s" \
            "p99 $w_p99 ms; $written bundles returned, one durable write each; $reference"
        web_check "scan, $connections conn" "$w_n" "$w_bad"
        [[ "$w_again" == 0 ]] || echo "!! scan: the run used up its $(wc -l < "$WEB_DIR/scan-ids-$part.txt") ids; $w_again requests repeated one" >&2
        # Every answered scan is an event on disk (a request still in flight when wrk stopped may add one).
        (( written >= w_n )) || echo "!! scan: $w_n answered, but only $written return events written" >&2
    fi
done
web_stop
trap - EXIT
