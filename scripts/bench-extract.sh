#!/usr/bin/env bash
# Extraction speed: `borderwatch extract --json` over 10,000 articles (the dev set repeated),
# release build, pinned to one core, against one `grep -oE '[0-9][0-9,.]*'` pass over the same files.
#
#   scripts/bench-extract.sh [ARTICLES_DIR] [COUNT]
#
# The folder is passed as one argument (extract reads the files inside it); the same 10,000 files
# named one by one are timed too: the two must take about the same time (FileOperands.swift).
# ARTICLES_DIR defaults to ../shared/eval/dev/articles, COUNT to 10000. Prints articles per second
# for both (the fastest of RUNS=3 timed runs each, after one warm-up) and how many times slower
# extraction is than the grep pass.
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:-../shared/eval/dev/articles}"
count="${2:-10000}"

swift build -c release --product borderwatch >/dev/null
bin=.build/release/borderwatch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

files=("$src"/*)
for ((i = 0; i < count; i++)); do
  cp "${files[i % ${#files[@]}]}" "$work/$(printf '%05d' "$i")_$(basename "${files[i % ${#files[@]}]}")"
done
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
# the fastest of RUNS timed runs: the least disturbed by other work and page-cache refills
best() {
  local best="" s
  for ((run = 0; run < ${RUNS:-3}; run++)); do
    s=$(seconds "$@")
    if [[ -z $best ]] || (( $(echo "$s < $best" | bc -l) )); then best=$s; fi
  done
  echo "$best"
}

cd "$work"
sync
$pin "$OLDPWD/$bin" extract --json . >/dev/null   # warm the page cache
extract_s=$(best $pin "$OLDPWD/$bin" extract --json .)
names_s=$(best $pin "$OLDPWD/$bin" extract --json -- *)
grep_s=$(best $pin grep -ohE '[0-9][0-9,.]*' -- *)
facts=$($pin "$OLDPWD/$bin" extract --json . | wc -l)
cd "$OLDPWD"

printf 'articles          %d (%s)\n' "$count" "$src"
printf 'facts             %d\n' "$facts"
printf 'extract --json    %.3f s  %8.0f articles/s\n' "$extract_s" "$(echo "$count / $extract_s" | bc -l)"
printf 'extract, %d names %.3f s  %.2fx the time of one folder\n' "$count" "$names_s" "$(echo "$names_s / $extract_s" | bc -l)"
printf 'grep -oE numbers  %.3f s  %8.0f articles/s\n' "$grep_s" "$(echo "$count / $grep_s" | bc -l)"
printf 'extract / grep    %.1fx the time of the grep pass\n' "$(echo "$extract_s / $grep_s" | bc -l)"
