#!/usr/bin/env bash
# bench-ingest.sh — how fast `borderwatch ingest` stores articles, durably, and how big the database gets.
#
# usage: scripts/bench-ingest.sh [ARTICLES_DIR] [COPIES]
#   ARTICLES_DIR  source articles (default: /work/shared/eval/dev/articles, 25 files)
#   COPIES        copies of each (default: 400, so 10,000 articles with the dev set)
#   BENCH_DIR     where to work (default: a new directory under $TMPDIR or /tmp); it must be on a real
#                 disk, not tmpfs, or the fsyncs cost nothing and the figure means nothing.
#   BATCH         articles per durable commit (default: ingest's own, 256)
#
# What it does: builds the release binary, writes COPIES distinct variants of every article (each copy
# gets a different last line, so its SHA-256 differs and nothing is deduplicated, while its facts are the
# same), then times one `borderwatch ingest --quiet` of all of them into a fresh database with the
# production settings: WAL, synchronous=FULL (every commit fsync'ed), one savepoint per article inside
# group commits of BATCH articles. It prints articles per second, the same files through `extract` alone
# (so the storage share can be read off), the database size per 10,000 articles, and checks that every
# article was stored.
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE=${1:-/work/shared/eval/dev/articles}
COPIES=${2:-400}
WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/bw-bench.XXXXXX")}
mkdir -p "$WORK/articles"

swift build -c release --product borderwatch >/dev/null
BIN=$(swift build -c release --show-bin-path)/borderwatch

count=0
for file in "$SOURCE"/*; do
    [ -f "$file" ] || continue
    name=$(basename "$file")
    for ((copy = 0; copy < COPIES; copy++)); do
        { cat "$file"; printf '\ncopy %d\n' "$copy"; } > "$WORK/articles/${copy}_${name}"
        count=$((count + 1))
    done
done

DB="$WORK/bench.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"
args=(ingest --quiet --database "$DB")
[ -n "${BATCH:-}" ] && args+=(--batch "$BATCH")

start=$(date +%s.%N)
find "$WORK/articles" -type f -print0 | sort -z | xargs -0 "$BIN" "${args[@]}" > "$WORK/ingest.log"
end=$(date +%s.%N)

# The same files through `extract` alone: what of the ingest time is extraction rather than storage.
xstart=$(date +%s.%N)
find "$WORK/articles" -type f -print0 | sort -z | xargs -0 "$BIN" extract --json > /dev/null
xend=$(date +%s.%N)

stored=$(sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE); SELECT COUNT(*) FROM articles;" | tail -1)
facts=$(sqlite3 "$DB" "SELECT COUNT(*) FROM facts")
bytes=$(stat -c %s "$DB")
awk -v n="$count" -v s="$start" -v e="$end" -v xs="$xstart" -v xe="$xend" -v stored="$stored" -v facts="$facts" -v bytes="$bytes" 'BEGIN {
    t = e - s
    printf "articles: %d written, %d stored, %d facts\n", n, stored, facts
    printf "ingest: %.2f s, %.0f articles/s (durable: WAL + synchronous=FULL, group commit)\n", t, n / t
    printf "of which extraction: %.2f s (extract alone), storage: %.2f s, %.0f articles/s\n", xe - xs, t - (xe - xs), n / (t - (xe - xs))
    printf "database: %.1f MB, %.1f MB per 10,000 articles\n", bytes / 1e6, bytes / 1e6 * 10000 / n
}'
[ "$stored" -eq "$count" ] || { echo "bench-ingest: only $stored of $count articles stored" >&2; exit 1; }
[ -z "${BENCH_DIR:-}" ] && rm -rf "$WORK"
exit 0
