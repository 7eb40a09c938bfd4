#!/usr/bin/env bash
# Extraction on inputs no newsroom writes but the inbox may receive, each about 10 MB (the daemon's
# default max_article_bytes): time and peak memory of `borderwatch extract --json` per shape.
# Time should grow linearly with size; compare the 2.5 MB and 10 MB rows.
#
#   scripts/bench-pathological.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product borderwatch >/dev/null
bin=$PWD/.build/release/borderwatch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'EOF'
import random, sys
random.seed(1)
folder = sys.argv[1]
head = " date 2021-08-03 Lead.\n\n"
def write(name, body):
    open(f"{folder}/{name}", "w").write(head + body)
for mb, suffix in ((2.5, "2.5MB"), (10, "10MB")):
    size = int(mb * 1_000_000)
    clause = "120 migrants crossed on Monday and 35 were turned back in August, "
    write(f"one-sentence-of-figures-{suffix}.txt", clause * (size // len(clause)))
    sentence = "A record 5 migrants crossed on Monday. "
    write(f"repeated-record-sentence-{suffix}.txt", sentence * (size // len(sentence)))
    write(f"numbers-only-{suffix}.txt", " ".join(str(random.randint(1, 99999)) for _ in range(size // 6)))
    write(f"one-word-{suffix}.txt", "migrants " * (size // 9))
    write(f"no-spaces-{suffix}.txt", "a" * size)
EOF

printf '%-40s %10s %10s %8s\n' shape seconds "peak RSS" facts
for file in "$work"/*.txt; do
  stats=$( { /usr/bin/time -f '%e %M' "$bin" extract --json "$file" | wc -l > "$work/count"; } 2>&1 )
  read -r seconds kb <<<"$stats"
  printf '%-40s %10s %8d MB %8d\n' "$(basename "$file")" "$seconds" $((kb / 1024)) "$(cat "$work/count")"
done
