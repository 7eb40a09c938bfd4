#!/usr/bin/env bash
# soak.sh: COUNT distinct articles (default 100,000) through `borderwatch run`, with SIGKILLs at random
# moments and one disk-full interval, then checks what must hold:
#   - the inbox is empty, failed/ holds only the bad inputs dropped on purpose;
#   - the stored series equal a clean `ingest` of the same files (nothing lost, nothing twice);
#   - peak RSS stays flat across restarts; PRAGMA integrity_check is ok.
#
# usage: scripts/soak.sh [COUNT]     (release build: swift build -c release --product borderwatch;
#        needs sqlite3; the disk-full interval needs root: the script re-runs itself under `unshare -m`
#        with the database on a private tmpfs, and says so when it cannot)
set -euo pipefail
COUNT=${1:-100000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$ROOT/.build/release/borderwatch}
if [ "$(id -u)" = 0 ] && [ -z "${BW_SOAK_INSIDE:-}" ] && command -v unshare >/dev/null; then
  BW_SOAK_INSIDE=1 exec unshare -m --propagation private "$0" "$@"
fi
WORK=$(mktemp -d /tmp/bw-soak.XXXXXX)
DISKFULL=no
mkdir -p "$WORK/corpus" "$WORK/inbox" "$WORK/state"
if [ -n "${BW_SOAK_INSIDE:-}" ]; then
  mount -t tmpfs -o size=4g tmpfs "$WORK/state"
  DISKFULL=yes
else
  echo "soak: not root (or no unshare): the disk-full interval is skipped"
fi
PID=""
trap '[ -n "$PID" ] && kill -9 $PID 2>/dev/null; umount "$WORK/state" 2>/dev/null; rm -rf "$WORK"' EXIT

article() { # n -> a distinct article with a known figure and date
  local months=(January February March April May June July August September October November December)
  echo " date $(( 2000 + $1 / 336 ))-$(printf %02d $(( $1 / 28 % 12 + 1 )))-$(printf %02d $(( $1 % 28 + 1 )))"
  echo "Border guards said $(( $1 % 997 + 3 )) migrants crossed into Lithuania from Belarus on $(( $1 % 28 + 1 )) ${months[$(( $1 / 28 % 12 ))]}. Report $1."
}
echo "== writing $COUNT articles"
for ((n = 0; n < COUNT; n++)); do article $n > "$WORK/corpus/a$n.txt"; done
BAD=20
for ((n = 0; n < BAD; n++)); do head -c 300 /dev/urandom > "$WORK/corpus/bad$n.bin"; done

peak=0
start_daemon() {
  "$BIN" run --inbox "$WORK/inbox" --database "$WORK/state/db.sqlite" 2>> "$WORK/daemon.log" &
  PID=$!
}
sample_rss() {
  local hwm
  hwm=$(awk '/VmHWM/ { print $2 }' /proc/$PID/status 2>/dev/null || echo 0)
  [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
  echo "${hwm:-0}" >> "$WORK/rss.log"
}

echo "== dropping them in chunks, killing the daemon at random moments"
# staged on the inbox's filesystem, so that each drop is one rename
mkdir -p "$WORK/staging"
cp -r "$WORK/corpus/." "$WORK/staging/"
(cd "$WORK/staging" && ls -f | grep -v '^\.' > "$WORK/names")
total=$(wc -l < "$WORK/names")
chunk=$(( total / 25 + 1 ))
split -l "$chunk" "$WORK/names" "$WORK/chunk."
start_daemon
kills=0
filled=no
SECONDS=0
i=0
for list in "$WORK"/chunk.*; do
  (cd "$WORK/staging" && xargs mv -t "$WORK/inbox/" < "$list")
  i=$((i + chunk))
  if [ $(( RANDOM % 2 )) = 0 ]; then
    sleep "0.$(( RANDOM % 9 + 1 ))"
    sample_rss
    kill -9 $PID; wait $PID 2>/dev/null || true
    kills=$((kills + 1))
    start_daemon
  fi
  if [ "$DISKFULL" = yes ] && [ "$filled" = no ] && [ "$i" -ge $(( total * 2 / 5 )) ]; then
    echo "== the disk fills for 5 s while articles keep coming"
    dd if=/dev/zero of="$WORK/state/filler" bs=1M 2>/dev/null || true
    ( sleep 5; rm -f "$WORK/state/filler" ) &
    filled=yes
  fi
done
echo "== waiting for the inbox to drain"
while [ "$(find "$WORK/inbox" -maxdepth 1 -type f | wc -l)" -gt 0 ]; do sleep 0.5; done
sample_rss
kill -TERM $PID; wait $PID || true
PID=""
echo "dropped and drained in ${SECONDS} s with $kills SIGKILLs"

echo "== checks"
left=$(find "$WORK/inbox" -maxdepth 1 -type f | wc -l)
failed=$(find "$WORK/inbox/failed" -type f ! -name '*.reason' | wc -l)
failed_good=$(find "$WORK/inbox/failed" -type f -name 'a*.txt' | wc -l)
stored=$(sqlite3 "$WORK/state/db.sqlite" 'SELECT COUNT(*) FROM articles')
integrity=$(sqlite3 "$WORK/state/db.sqlite" 'PRAGMA integrity_check')
find "$WORK/corpus" -type f -name 'a*.txt' -print0 | xargs -0 "$BIN" ingest --quiet --database "$WORK/clean.sqlite" > /dev/null 2>&1 || true
series='SELECT region, metric, period, anchor, via, value, sources FROM observations ORDER BY 1, 2, 3, 4, 5'
sqlite3 "$WORK/state/db.sqlite" "$series" > "$WORK/series.daemon"
sqlite3 "$WORK/clean.sqlite" "$series" > "$WORK/series.clean"
if cmp -s "$WORK/series.daemon" "$WORK/series.clean"; then same=yes; else same=NO; diff "$WORK/series.daemon" "$WORK/series.clean" | head -5 || true; fi
holds=$(grep -c "holding the inbox" "$WORK/daemon.log" || true)
resumes=$(grep -c "storage works again" "$WORK/daemon.log" || true)
echo "inbox left: $left; failed: $failed (bad inputs: $BAD; good articles in failed/: $failed_good)"
echo "stored articles: $stored of $COUNT; series equal a clean ingest: $same; integrity_check: $integrity"
echo "disk-full interval: $DISKFULL; holds logged: $holds, resumes logged: $resumes"
echo "peak RSS over $((kills + 1)) daemon runs: $((peak / 1024)) MB (per run: $(sort -n "$WORK/rss.log" | awk '{ printf "%d ", $1 / 1024 }') MB)"
ok=yes
[ "$left" = 0 ] && [ "$failed" = "$BAD" ] && [ "$failed_good" = 0 ] && [ "$stored" = "$COUNT" ] && [ "$same" = yes ] \
  && [ "$integrity" = ok ] || ok=no
echo "soak: $([ $ok = yes ] && echo PASS || echo FAIL)"
[ $ok = yes ]
