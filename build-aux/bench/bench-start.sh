#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Start to first mapped window: Leaderboard on a store of 1,045 leaderboards (as many as the
# LBOps study collected; most small, the one it opens on 50 models × 12 benchmarks), against a
# bare libadwaita window built with the same libraries, taking turns under one Xvfb, median
# of RUNS (default 5) each. Goal: at most 1.5 × the bare window.
set -euo pipefail
cd "$(dirname "$0")/../.."
. build-aux/deps.sh
# shellcheck disable=SC2086
lb_install_missing $LB_BUILD_PACKAGES $LB_TEST_PACKAGES

runs=${RUNS:-5}
builddir=${BUILDDIR:-_build}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" >/dev/null
meson compile -C "$builddir" leaderboard leaderboard-cli bench-start bench-bare-window >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/store.lbom" <<'PY'
import json, random, sys
random.seed(1045)
benches = ["JMMLU", "MT-bench", "JCommonsenseQA", "JNLI", "JSQuAD", "MGSM-ja", "XL-Sum",
           "JEMHopQA", "NIILC", "レイテンシ(ms)", "価格(USD/1Mトークン)", "Elyza-tasks"]
def leaderboard(name, n_models, n_benches):
    bs = benches[:n_benches]
    models = [f"Model {i:03d}" for i in range(n_models)]
    results = []
    for mi, m in enumerate(models):
        for bi, b in enumerate(bs):
            score = round(random.uniform(20, 95), 1)
            results.append({"model": m, "benchmark": b, "score": score, "raw": str(score),
                            "current": True,
                            "source": {"import": 1, "row": mi + 2, "column": bi + 2}})
    return {
        "name": name, "purpose": "Choose a model for customer support", "owner": "Tanaka",
        "update_cadence_days": 30, "workflow_pattern": "P1",
        "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z",
        "benchmarks": [{"name": b, "higher_is_better": not b.startswith(("レイテンシ", "価格")),
                        "unit": "%" if b.startswith("J") else None} for b in bs],
        "models": [{"name": m} for m in models],
        "results": results,
        "imports": [{"id": 1, "file_name": "scores.csv", "sha256": "0" * 64, "size_bytes": 1000,
                     "encoding": "CP932", "delimiter": ",", "layout": "wide",
                     "imported_at": "2026-11-01T00:00:00Z", "imported_by": "Tanaka",
                     "records": n_models + 1, "results": len(results), "warnings": []}],
        "smells": [], "profiles": [], "reviews": [],
    }
lbs = [leaderboard("A customer-support chatbot", 50, 12)]
for i in range(1044):
    lbs.append(leaderboard(f"Leaderboard {i + 1:04d}", random.randint(5, 25), random.randint(3, 12)))
json.dump({"format": "lbom", "version": 1, "generated_at": "2026-11-01T00:00:00Z",
           "generator": "bench-start", "leaderboards": lbs}, open(sys.argv[1], "w"), ensure_ascii=False)
PY
"$builddir/src/cli/leaderboard-cli" --db "$work/lb.db" import-lbom "$work/store.lbom" >/dev/null
echo "store: $("$builddir/src/cli/leaderboard-cli" --db "$work/lb.db" list | wc -l) lines of \`list\`, $(du -h "$work/lb.db" | cut -f1)"

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data" GSK_RENDERER=cairo \
       NO_AT_BRIDGE=1 GTK_A11Y=none XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
xvfb-run -a -s "-screen 0 1280x900x24" bash -c '
  set -euo pipefail
  app=("$1/src/ui/leaderboard" --db "$2/lb.db"); bare=("$1/build-aux/bench/bench-bare-window")
  probe="$1/build-aux/bench/bench-start"
  "$probe" "${app[@]}" >/dev/null; "$probe" "${bare[@]}" >/dev/null   # warm the caches
  for _ in $(seq "$3"); do
    "$probe" "${app[@]}" >>"$2/app"
    "$probe" "${bare[@]}" >>"$2/bare"
  done' _ "$builddir" "$work" "$runs"

median () { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
app=$(median "$work/app"); bare=$(median "$work/bare")
echo "start to first mapped window, median of $runs (goal: ≤ 1.5 × the bare window):"
awk -v a="$app" -v b="$bare" 'BEGIN {
  printf "  Leaderboard, 1,045 leaderboards  %7.0f ms\n  bare libadwaita window           %7.0f ms\n  ratio                            %7.2f ×\n", a, b, a / b }'
