#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Review-report speed: imports a 50-model × 12-benchmark leaderboard (two files, so the
# "what changed" section has work to do), then times leaderboard-cli report writing the PDF.
# Goal: well under a second for the whole command (open the store, build, lay out, write).
set -euo pipefail
cd "$(dirname "$0")/../.."
. build-aux/deps.sh
# shellcheck disable=SC2086
lb_install_missing $LB_BUILD_PACKAGES poppler-utils python3 sqlite3 time bc

builddir=_build
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" >/dev/null
meson compile -C "$builddir" leaderboard-cli >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
models=${MODELS:-50}
cli="$builddir/src/cli/leaderboard-cli"

python3 - "$work" "$models" <<'PY'
import random, sys
work, models = sys.argv[1], int(sys.argv[2])
random.seed(7)
benches = ["JMMLU", "MT-bench", "JCommonsenseQA", "JNLI", "JSQuAD", "MGSM-ja", "XL-Sum",
           "JEMHopQA", "NIILC", "JaQuAD", "Chabsa", "レイテンシ(ms)"]
for name, seed in (("october.csv", 1), ("november.csv", 2)):
    random.seed(seed)
    with open(f"{work}/{name}", "w", encoding="utf-8", newline="") as f:
        f.write(",".join(["モデル名"] + benches) + "\r\n")
        for i in range(models):
            row = [f"モデル{i:03d} <&> instruct"]
            for b in benches:
                row.append("" if random.random() < 0.08 else f"{random.uniform(20, 95):.1f}")
            f.write(",".join(row) + "\r\n")
PY

db="$work/lb.db"
LEADERBOARD_NOW=2026-10-20T09:00:00Z "$cli" --db "$db" import "$work/october.csv" --leaderboard Bench >/dev/null
"$cli" --db "$db" set Bench --purpose "社内ヘルプデスクの一次回答に使うモデルを選ぶ" \
  --owner "山田 花子" --cadence-days 30 --pattern P1 >/dev/null
LEADERBOARD_NOW=2026-11-20T09:00:00Z "$cli" --db "$db" import "$work/november.csv" --leaderboard Bench >/dev/null
# A review between the two imports, so every changed value is listed.
sqlite3 "$db" "UPDATE leaderboards SET last_reviewed_at = '2026-11-01' WHERE name = 'Bench'"

/usr/bin/time -f "%e %U %S %M" -o "$work/time" "$cli" --db "$db" report Bench -o "$work/report.pdf" >/dev/null
read -r secs user sys kb < "$work/time"
[ -n "${KEEP_PDF:-}" ] && cp "$work/report.pdf" "$KEEP_PDF"
pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ { print $2 }')
echo "Review report of $models models × 12 benchmarks: $pages pages, $(du -h "$work/report.pdf" | cut -f1)"
printf 'leaderboard-cli report: %.2f s (CPU %.2f s), peak memory %.1f MB (goal: well under 1 s)\n' \
  "$secs" "$(echo "$user + $sys" | bc -l)" "$(echo "$kb / 1024" | bc -l)"

# A wide comparison: 60 models × 40 benchmarks with 3 % of the cells empty (goal: under 1.5 s).
python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
random.seed(11)
with open(f"{work}/wide.csv", "w", encoding="utf-8-sig", newline="") as f:
    f.write(",".join(["Model"] + [f"Bench{j + 1:02d}" for j in range(40)]) + "\r\n")
    for i in range(60):
        row = [f"model-{i + 1:02d}"]
        for j in range(40):
            row.append("" if random.random() < 0.03 else f"{random.uniform(20, 95):.1f}%")
        f.write(",".join(row) + "\r\n")
PY
wide="$work/wide.db"
LEADERBOARD_NOW=2026-11-20T09:00:00Z "$cli" --db "$wide" import "$work/wide.csv" --leaderboard Wide >/dev/null
/usr/bin/time -f "%e %U %S %M" -o "$work/time-wide" "$cli" --db "$wide" report Wide -o "$work/wide.pdf" >/dev/null
read -r wsecs wuser wsys wkb < "$work/time-wide"
wpages=$(pdfinfo "$work/wide.pdf" | awk '/^Pages:/ { print $2 }')
echo "Review report of 60 models × 40 benchmarks: $wpages pages, $(du -h "$work/wide.pdf" | cut -f1)"
printf 'leaderboard-cli report: %.2f s (CPU %.2f s), peak memory %.1f MB (goal: under 1.5 s)\n' \
  "$wsecs" "$(echo "$wuser + $wsys" | bc -l)" "$(echo "$wkb / 1024" | bc -l)"
# On a busy machine the wall time exceeds the CPU time; the load is printed to judge it.
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
