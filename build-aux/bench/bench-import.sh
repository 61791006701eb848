#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Import speed and memory against reference tools measured in the same run.
# Generates a 100,000-row × 10-benchmark CP932 file, imports it with leaderboard-cli, and
# compares with sqlite3's own .import of the same data in long form (1,000,000 rows) into a
# table indexed on (model, benchmark), and with a plain python3 csv + sqlite3 script.
# Then imports the same sheet again as its new version (every value different: mode "replace",
# each result superseding one, the counts of changes computed before writing) into the same
# database.
# Goals: within 1.5× of sqlite3 .import, faster than the python script, peak memory < 64 MB;
# the new version within 1.5× of sqlite3 .import too, peak memory < 64 MB.
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
rows=${ROWS:-100000}

python3 - "$work" "$rows" <<'PY'
import random, sys
work, rows = sys.argv[1], int(sys.argv[2])
random.seed(42)
benches = ["JMMLU", "MT-bench", "JCommonsenseQA", "JNLI", "JSQuAD", "MGSM-ja", "XL-Sum", "JEMHopQA", "NIILC", "レイテンシ(ms)"]
with open(f"{work}/wide.csv", "w", encoding="cp932", newline="") as wide, \
     open(f"{work}/long.csv", "w", encoding="utf-8", newline="") as long_:
    wide.write(",".join(["モデル名", "提供元", "評価日"] + benches) + "\r\n")
    long_.write("model,benchmark,score\n")
    for i in range(rows):
        model = f"モデル{i:06d}"
        scores = [f"{random.uniform(20, 95):.1f}" for _ in benches]
        wide.write(",".join([model, "社内", "2024/5/1"] + scores) + "\r\n")
        for b, s in zip(benches, scores):
            long_.write(f"{model},{b},{s}\n")
# The next month's sheet: the same rows and columns, every score moved by 0.1.
with open(f"{work}/wide.csv", encoding="cp932", newline="") as wide, \
     open(f"{work}/wide-next.csv", "w", encoding="cp932", newline="") as nxt:
    for n, line in enumerate(wide):
        cells = line.rstrip("\r\n").split(",")
        if n > 0:
            cells = cells[:3] + [f"{float(c) + 0.1:.1f}" for c in cells[3:]]
            cells[2] = "2024/6/1"
        nxt.write(",".join(cells) + "\r\n")
PY

runs=${RUNS:-5}

# One timed run of a command into $work/time ("seconds kilobytes").
run_once () {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
}

# Sets <key>_s (median seconds) and <key>_kb (largest peak) from the runs recorded in
# $work/<key>.runs, and prints them.
summarise () { # key, label
  local key=$1 label=$2 secs kb
  secs=$(cut -d' ' -f1 "$work/$key.runs" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  kb=$(cut -d' ' -f2 "$work/$key.runs" | sort -n | tail -1)
  printf '%-28s %8.2f s %8.1f MB   (runs: %s)\n' "$label" "$secs" "$(echo "$kb / 1024" | bc -l)" \
    "$(cut -d' ' -f1 "$work/$key.runs" | paste -sd' ')"
  printf -v "${key}_s" '%s' "$secs"
  printf -v "${key}_kb" '%s' "$kb"
}

cat > "$work/sqlite.sql" <<SQL
CREATE TABLE results (model TEXT, benchmark TEXT, score REAL);
CREATE INDEX results_mb ON results (model, benchmark);
.mode csv
.import --skip 1 $work/long.csv results
SQL
cat > "$work/py.py" <<'PY'
import csv, sqlite3, sys
con = sqlite3.connect(sys.argv[2])
con.execute("CREATE TABLE results (model TEXT, benchmark TEXT, score REAL)")
con.execute("CREATE INDEX results_mb ON results (model, benchmark)")
with open(sys.argv[1], encoding="cp932", newline="") as f:
    r = csv.reader(f)
    header = next(r)
    benches = header[3:]
    with con:
        con.executemany("INSERT INTO results VALUES (?, ?, ?)",
                        ((row[0], b, float(s)) for row in r for b, s in zip(benches, row[3:])))
PY

echo "Import of $rows rows × 10 benchmarks ($(du -h "$work/wide.csv" | cut -f1) CP932)," \
     "median of $runs runs, the three tools taking turns:"
for _ in $(seq "$runs"); do
  rm -f "$work"/*.db "$work"/*.db-wal "$work"/*.db-shm
  run_once sqlite3 "$work/ref.db" ".read $work/sqlite.sql"; cat "$work/time" >> "$work/ref.runs"
  run_once python3 "$work/py.py" "$work/wide.csv" "$work/py.db"; cat "$work/time" >> "$work/py.runs"
  run_once "$builddir/src/cli/leaderboard-cli" --db "$work/lb.db" import "$work/wide.csv" --leaderboard Bench
  cat "$work/time" >> "$work/lb.runs"
  run_once "$builddir/src/cli/leaderboard-cli" --db "$work/lb.db" import "$work/wide-next.csv" --leaderboard Bench
  cat "$work/time" >> "$work/next.runs"
done
summarise ref "sqlite3 .import"
summarise py "python3 csv + sqlite3"
summarise lb "leaderboard-cli import"
summarise next "… its new version"
printf 'ratio to sqlite3 .import: %.2f (goal ≤ 1.5)\n' "$(echo "$lb_s / $ref_s" | bc -l)"
printf 'ratio to python3 script:  %.2f (goal < 1)\n' "$(echo "$lb_s / $py_s" | bc -l)"
printf 'peak memory:              %.1f MB (goal < 64)\n' "$(echo "$lb_kb / 1024" | bc -l)"
printf 'new version to sqlite3:    %.2f (goal ≤ 1.5)\n' "$(echo "$next_s / $ref_s" | bc -l)"
printf 'new version peak memory:  %.1f MB (goal < 64)\n' "$(echo "$next_kb / 1024" | bc -l)"
