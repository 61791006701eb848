#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Smell-check speed and memory against a reference measured in the same run.
# Imports two 20,000-row × 8-benchmark CP932 files into one leaderboard (half of the second
# file's models are the first file's, re-evaluated: their older results are superseded), then
# times `leaderboard-cli smells` on it, against sqlite3 reading the same rows the checks read
# (every result of the leaderboard joined to its model and benchmark, plus its gaps).
# Goal: the checks in < 2 s. Peak memory is printed per result: it must stay linear.
set -euo pipefail
cd "$(dirname "$0")/../.."
. build-aux/deps.sh
# shellcheck disable=SC2086
lb_install_missing $LB_BUILD_PACKAGES sqlite3 python3 time bc

builddir=_build
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" >/dev/null
meson compile -C "$builddir" leaderboard-cli >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows=${ROWS:-20000}

python3 - "$work" "$rows" <<'PY'
import random, sys
work, rows = sys.argv[1], int(sys.argv[2])
random.seed(42)
benches = ["JMMLU", "MT-bench", "JCommonsenseQA", "JNLI", "JSQuAD", "MGSM-ja", "XL-Sum", "NIILC"]
for n, (first, date) in enumerate([(0, "2024/5/1"), (rows // 2, "2024/11/1")], 1):
    with open(f"{work}/scores{n}.csv", "w", encoding="cp932", newline="") as f:
        f.write(",".join(["モデル名", "バージョン", "評価日"] + benches) + "\r\n")
        for i in range(first, first + rows):
            scores = [f"{random.uniform(20, 95):.1f}" for _ in benches]
            if i % 97 == 0:
                scores[3] = ""  # a hole, with the reason the import records
            f.write(",".join([f"モデル{i:06d} v{1 + i % 3}", f"{1 + i % 3}", date] + scores) + "\r\n")
PY

cli="$builddir/src/cli/leaderboard-cli"
export LEADERBOARD_NOW=2025-01-15T09:00:00Z
for n in 1 2; do
  "$cli" --db "$work/lb.db" import "$work/scores$n.csv" --leaderboard Bench >/dev/null 2>"$work/err" \
    || { cat "$work/err"; exit 1; }
done

runs=${RUNS:-5}

# One timed run of a command into $work/time ("seconds kilobytes cpu-seconds").
run_once () {
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$work/time" > "$work/time.1" && mv "$work/time.1" "$work/time"
}

# Sets <key>_s (median seconds), <key>_cpu (median CPU seconds) and <key>_kb (largest peak)
# from the runs recorded in $work/<key>.runs, and prints them.
median () { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
summarise () { # key, label
  local key=$1 label=$2 secs cpu kb
  secs=$(cut -d' ' -f1 "$work/$key.runs" | median)
  cpu=$(cut -d' ' -f3 "$work/$key.runs" | median)
  kb=$(cut -d' ' -f2 "$work/$key.runs" | sort -n | tail -1)
  printf '%-28s %8.2f s (CPU %5.2f s) %8.1f MB   (runs: %s)\n' "$label" "$secs" "$cpu" \
    "$(echo "$kb / 1024" | bc -l)" "$(cut -d' ' -f1 "$work/$key.runs" | paste -sd' ')"
  printf -v "${key}_s" '%s' "$secs"
  printf -v "${key}_cpu" '%s' "$cpu"
  printf -v "${key}_kb" '%s' "$kb"
}

cat > "$work/ref.sql" <<'SQL'
.mode list
SELECT count(*), sum(length(m.name) + length(b.name) + length(r.raw))
  FROM results r JOIN models m ON m.id = r.model_id JOIN benchmarks b ON b.id = r.benchmark_id;
SELECT count(*) FROM gaps;
SQL

n_results=$(sqlite3 "$work/lb.db" "SELECT count(*) FROM results")
echo "Smell checks of one leaderboard of 2 × $rows rows × 8 benchmarks ($n_results results)," \
     "median of $runs runs, the two taking turns:"
for _ in $(seq "$runs"); do
  run_once sqlite3 "$work/lb.db" ".read $work/ref.sql"; cat "$work/time" >> "$work/ref.runs"
  run_once "$cli" --db "$work/lb.db" smells Bench; cat "$work/time" >> "$work/lb.runs"
done
summarise ref "sqlite3 reading the rows"
summarise lb "leaderboard-cli smells"
printf 'ratio to sqlite3 reading:  %.2f\n' "$(echo "$lb_s / $ref_s" | bc -l)"
printf 'load average while run:    %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'smell checks:              %.2f s, CPU %.2f s (goal < 2; on a busy machine the CPU time tells)\n' "$lb_s" "$lb_cpu"
printf 'peak memory:               %.1f MB, %.0f bytes per result (linear: the snapshot of every\n' \
  "$(echo "$lb_kb / 1024" | bc -l)" "$(echo "$lb_kb * 1024 / $n_results" | bc -l)"
printf '                           result is most of it; evidence is capped, no pairs are kept)\n'
