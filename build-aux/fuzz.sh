#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes the CSV reader, the header-row guess, the value and date parsers, the LBOM reader, the LBOM value checks
# (one fuzzed value in a valid document), the importer and the workbook (.xlsx) reader with
# libFuzzer (clang, ASan + UBSan) for SECONDS in all (default 60), split over the harnesses.
# A failing input is kept in _build-fuzz/artifacts/TARGET/; copy it to
# tests/fuzz/regressions/TARGET/ once fixed, so every build replays it (tests/fuzz/meson.build).
# Writes _build-fuzz/meson-logs/testlog-fuzz.json (one line per harness) for test-summary.py.
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh
# shellcheck disable=SC2086
lb_install_missing $LB_BUILD_PACKAGES $LB_FUZZ_PACKAGES

seconds=${1:-60}
builddir=_build-fuzz
targets=(fuzz-csv fuzz-value fuzz-lbom fuzz-lbom-values fuzz-import fuzz-header fuzz-xlsx)
per_target=$(( seconds / ${#targets[@]} ))
[ "$per_target" -ge 1 ] || per_target=1

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Dgui=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
meson compile -C "$builddir" "${targets[@]}" >/dev/null

# The seed corpus: the test fixtures. The CSV and import harnesses read a control byte first
# (0: detect everything), so their seeds get one.
seeds=$builddir/fuzz-seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz-csv,fuzz-import,fuzz-lbom,fuzz-lbom-values,fuzz-value,fuzz-header,fuzz-xlsx}
with_control () { # dir, files…
  local dir=$1 f; shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    { printf '\0'; cat "$f"; } > "$dir/$(echo "$f" | tr '/' '_')"
  done
}
with_control "$seeds/fuzz-csv" tests/data/*.* tests/data/import/*.csv tests/data/bad/*
with_control "$seeds/fuzz-import" tests/data/import/*.csv tests/data/bad/*
cp tests/data/lbom/*.json "$seeds/fuzz-lbom/"
for f in tests/data/bad/*.json; do [ -f "$f" ] && cp "$f" "$seeds/fuzz-lbom/"; done
cp tests/fuzz/seeds/value/* "$seeds/fuzz-value/"
cp tests/fuzz/seeds/lbom-values/* "$seeds/fuzz-lbom-values/"
cp tests/fuzz/seeds/header/* "$seeds/fuzz-header/"
# The workbook harness reads a control byte too; its seeds carry theirs (bit 0: a raw archive).
cp tests/fuzz/seeds/xlsx/* "$seeds/fuzz-xlsx/"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0

mkdir -p "$builddir/meson-logs"
log=$builddir/meson-logs/testlog-fuzz.json
: > "$log"
status=0
for target in "${targets[@]}"; do
  corpus=$builddir/corpus/$target
  artifacts=$builddir/artifacts/$target
  mkdir -p "$corpus" "$artifacts"
  echo "== $target for ${per_target}s"
  result=OK
  # The working corpus first (new inputs go there), then the seeds and past failures. Leak
  # checks after every input would cost nine runs in ten (GLib and SQLite keep caches), so
  # the corpus is checked for leaks once at the end instead.
  if ! "$builddir/tests/fuzz/$target" -max_total_time="$per_target" -timeout=20 -rss_limit_mb=2048 \
        -max_len=65536 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "$corpus" "$seeds/$target" "tests/fuzz/regressions/$target" \
        > "$builddir/meson-logs/$target.log" 2>&1 \
     || ! "$builddir/tests/fuzz/$target" -runs=0 -detect_leaks=1 -artifact_prefix="$artifacts/" \
        "$corpus" >> "$builddir/meson-logs/$target.log" 2>&1; then
    result=FAIL
    status=1
    tail -n 60 "$builddir/meson-logs/$target.log"
    echo "$target failed; the input is in $artifacts/ — fix it and add it to tests/fuzz/regressions/$target/"
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$builddir/meson-logs/$target.log" || true
  printf '{"name": "%s", "result": "%s"}\n' "$target" "$result" >> "$log"
done
exit $status
