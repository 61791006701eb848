#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a store with 1,045 leaderboards (as many as the LBOps study collected), one of them
# 500 models × 50 benchmarks, and prints how long a full comparison takes and the peak memory.
# Goals: the comparison under 50 ms for the large one; `leaderboard-cli compare --json` of it,
# the whole process, under 100 ms and 40 MB, printed beside sqlite3 writing the same cells as
# JSON in the same run. Arguments are passed on: [SMALL [MODELS [BENCHMARKS]]].
set -euo pipefail
cd "$(dirname "$0")/../.."
. build-aux/deps.sh
# shellcheck disable=SC2086
lb_install_missing $LB_BUILD_PACKAGES sqlite3 time

builddir=${BUILDDIR:-_build}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" >/dev/null
meson compile -C "$builddir" >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$builddir/build-aux/bench/bench-compare" "$tmp/bench.db" "$@"

# The whole CLI process: open the store, read the leaderboard, compare, write every cell.
cli=("$builddir/src/cli/leaderboard-cli" --db "$tmp/bench.db" compare Large --json)
# The reference: sqlite3 writing the same current cells, with their raw text, as JSON.
ref=(sqlite3 "$tmp/bench.db" "SELECT json_group_array(json_object('model', m.name,
       'benchmark', b.name, 'score', r.score, 'raw', r.raw, 'row', r.source_row))
     FROM results r JOIN models m ON m.id = r.model_id JOIN benchmarks b ON b.id = r.benchmark_id
     JOIN leaderboards l ON l.id = m.leaderboard_id
     WHERE l.name = 'Large' AND r.current = 1")
measure () { # prints "seconds kib" of one run
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >"$tmp/out" && cat "$tmp/time"
}
median () { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
: >"$tmp/cli"; : >"$tmp/ref"
measure "${cli[@]}" >/dev/null; measure "${ref[@]}" >/dev/null   # warm the page cache
for _ in 1 2 3 4 5; do
  measure "${cli[@]}" >>"$tmp/cli"
  measure "${ref[@]}" >>"$tmp/ref"
done
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/out"
cli_s=$(cut -d' ' -f1 "$tmp/cli" | median); ref_s=$(cut -d' ' -f1 "$tmp/ref" | median)
cli_kib=$(cut -d' ' -f2 "$tmp/cli" | median); ref_kib=$(cut -d' ' -f2 "$tmp/ref" | median)
"${cli[@]}" >"$tmp/cli.json"
echo
echo "leaderboard-cli compare Large --json, the whole process, median of 5 (goal: < 100 ms, < 40 MB):"
awk -v c="$cli_s" -v r="$ref_s" -v ck="$cli_kib" -v rk="$ref_kib" -v size="$(stat -c %s "$tmp/cli.json")" 'BEGIN {
  printf "  leaderboard-cli  %6.0f ms  %6.1f MB   (%.1f MB of JSON)\n", c * 1000, ck / 1024, size / 1048576
  printf "  sqlite3 (cells)  %6.0f ms  %6.1f MB\n", r * 1000, rk / 1024
  printf "  ratio            %6.2f ×    %6.2f ×\n", (r > 0 ? c / r : 0), ck / rk
}'
