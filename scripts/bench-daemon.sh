#!/usr/bin/env bash
# bench-daemon.sh: how fast `borderwatch run` drains a burst, how much memory it takes, whether
# it stays asleep when idle, and how long an alert takes from drop to webhook.
#
# usage: scripts/bench-daemon.sh [COUNT]      (default 10000; needs a release build:
#        swift build -c release --product borderwatch)
#
# 1. Burst: COUNT distinct articles are written to a staging folder, then renamed into the inbox
#    at once; reports the seconds until all are in processed/ (goal: 10,000 in <= 10 s) and the
#    daemon's peak RSS from /proc/PID/status VmHWM (goal: <= 150 MB).
# 2. Idle: with WATCHDOG_USEC=20s (watchdog every 10 s), counts the daemon's context switches
#    (all threads, /proc/PID/task/*/status) over 10 s of idleness: only the watchdog should wake it.
# 3. Alert latency: a loopback receiver (python3) takes webhooks; the median time from dropping an
#    article with a new record day to receiving its alert, over 10 drops.
set -euo pipefail
COUNT=${1:-10000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$ROOT/.build/release/borderwatch}
WORK=$(mktemp -d /tmp/bw-bench.XXXXXX)
trap 'kill $PID 2>/dev/null || true; kill $SINK 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/inbox" "$WORK/staging"

article() { # n
  local months=(January February March April May June July August September October November December)
  echo "On $(( $1 % 28 + 1 )) ${months[$(( $1 / 28 % 12 ))]} $(( 1900 + $1 / 336 )), $(( $1 + 3 )) migrants crossed into Lithuania from Belarus."
}

echo "== burst of $COUNT articles"
for ((n = 0; n < COUNT; n++)); do article $n > "$WORK/staging/a$n.txt"; done
"$BIN" run --inbox "$WORK/inbox" --database "$WORK/var/db.sqlite" 2> "$WORK/daemon.log" &
PID=$!
sleep 1
START=$(date +%s.%N)
find "$WORK/staging" -type f -name "a*.txt" -exec mv -t "$WORK/inbox/" {} +
MOVED=$(date +%s.%N)
while [ $(( $(ls -f "$WORK/inbox/processed" | wc -l) - 2 )) -lt "$COUNT" ]; do sleep 0.05; done
END=$(date +%s.%N)
echo "renaming into the inbox took $(echo "$MOVED - $START" | bc) s"
echo "all $COUNT processed $(echo "$END - $START" | bc) s after the first rename"
echo "peak RSS: $(grep VmHWM /proc/$PID/status)"
echo "failed: $(find "$WORK/inbox/failed" -type f | wc -l), stored articles: $(sqlite3 "$WORK/var/db.sqlite" 'select count(*) from articles')"
kill -TERM $PID; wait $PID || true

echo "== idle for 10 s (watchdog every 10 s)"
WATCHDOG_USEC=20000000 NOTIFY_SOCKET=/dev/null/none "$BIN" run --inbox "$WORK/inbox" --database "$WORK/var/db.sqlite" 2>> "$WORK/daemon.log" &
PID=$!
sleep 2
switches() { cat /proc/$PID/task/*/status | awk '/ctxt_switches/ { s += $2 } END { print s }'; }
BEFORE=$(switches); sleep 10; AFTER=$(switches)
echo "context switches over 10 s idle, all threads: $((AFTER - BEFORE))"
kill -TERM $PID; wait $PID || true

echo "== alert latency drop -> webhook"
python3 - "$WORK/port" "$WORK/received" <<'PY' &
import http.server, sys, time
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(sys.argv[2], "a") as f: f.write(f"{time.time()}\n")
        self.send_response(200); self.end_headers()
    def log_message(self, *a): pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
open(sys.argv[1], "w").write(str(s.server_address[1]))
s.serve_forever()
PY
SINK=$!
while [ ! -s "$WORK/port" ]; do sleep 0.05; done
rm -rf "$WORK/inbox" "$WORK/var"; mkdir -p "$WORK/inbox"
"$BIN" run --inbox "$WORK/inbox" --database "$WORK/var/db.sqlite" --webhook "http://127.0.0.1:$(cat "$WORK/port")/hook" 2>> "$WORK/daemon.log" &
PID=$!
sleep 1
# Each article's mtime is its figure's day (its fallback date), so every drop is news and a new record.
echo "On 28 February 2025, 50 migrants crossed into Lithuania from Belarus." > "$WORK/staging/seed.txt"
touch -d "2025-02-28 12:00" "$WORK/staging/seed.txt"
mv "$WORK/staging/seed.txt" "$WORK/inbox/"
sleep 2
: > "$WORK/received"
LAT=()
for i in $(seq 1 10); do
  echo "On $i March 2025, $((i * 100)) migrants crossed into Lithuania from Belarus." > "$WORK/staging/r$i.txt"
  touch -d "2025-03-$(printf %02d $i) 12:00" "$WORK/staging/r$i.txt"
  T0=$(date +%s.%N)
  mv "$WORK/staging/r$i.txt" "$WORK/inbox/"
  while [ "$(wc -l < "$WORK/received")" -lt "$i" ]; do sleep 0.001; done
  sleep 0.2
  T1=$(tail -1 "$WORK/received")
  LAT+=("$(echo "($T1 - $T0) * 1000" | bc)")
done
printf '%s\n' "${LAT[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "alert latency over %d drops: median %.1f ms, max %.1f ms\n", NR, (a[int((NR+1)/2)] + a[int((NR+2)/2)]) / 2, a[NR] }'
kill -TERM $PID; wait $PID || true
