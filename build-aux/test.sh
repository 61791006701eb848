#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the whole test suite (display tests under Xvfb).
#   build-aux/test.sh              the ordinary build in _build
#   build-aux/test.sh --sanitize   ASan + UBSan build in _build-sanitize, leaks checked
#   build-aux/test.sh --valgrind   the non-display tests of _build under valgrind memcheck
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

mode=plain
case "${1:-}" in
  "") ;;
  --sanitize) mode=sanitize ;;
  --valgrind) mode=valgrind ;;
  *) echo "usage: $0 [--sanitize|--valgrind]" >&2; exit 2 ;;
esac

# shellcheck disable=SC2086
case $mode in
  plain) lb_install_missing $LB_BUILD_PACKAGES $LB_TEST_PACKAGES ;;
  *) lb_install_missing $LB_BUILD_PACKAGES $LB_TEST_PACKAGES $LB_FUZZ_PACKAGES ;;
esac

builddir=_build
setup_args=()
test_args=()
if [ $mode = sanitize ]; then
  builddir=_build-sanitize
  setup_args=(-Db_sanitize=address,undefined -Db_lundef=false)
  test_args=(--timeout-multiplier 4)
  # Every report fails the test; leaks of GLib itself are listed (with reasons) in lsan.supp.
  # GLib has no frame pointers, so only the slow unwinder sees past g_malloc() — which the
  # suppressions need; a dozen frames reach them.
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:fast_unwind_on_malloc=0:malloc_context_size=12
  # The crash test's sheet, smaller: every allocation is slow here.
  export LB_CRASH_ROWS=${LB_CRASH_ROWS:-500}
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0
  export G_SLICE=always-malloc
fi
if [ $mode = valgrind ]; then
  test_args=(--timeout-multiplier 10
             --wrapper "valgrind --quiet --error-exitcode=1 --leak-check=full
                        --errors-for-leak-kinds=definite --show-leak-kinds=definite
                        --suppressions=$PWD/build-aux/valgrind.supp --num-callers=30")
  export G_SLICE=always-malloc
fi

lb_setup_build "$builddir" "${setup_args[@]}"
meson compile -C "$builddir"

status=0
logs=()
if [ $mode = valgrind ]; then
  # Only our programs: the static and data checks run Python and system tools (appstreamcli).
  meson test -C "$builddir" --suite core --print-errorlogs --num-processes 4 \
    --logbase testlog-valgrind "${test_args[@]}" || status=$?
  # meson names the log after the wrapper too: testlog-valgrind-valgrind.json
  logs=("$builddir"/meson-logs/testlog-valgrind*.json)
else
  meson test -C "$builddir" --no-suite display --print-errorlogs --num-processes 4 \
    --logbase testlog-core "${test_args[@]}" || status=$?
  display_env=()
  if [ $mode = sanitize ]; then
    # GTK allocates too much for the slow unwinder, and its caches (fontconfig, GL, icon
    # theme) would need long suppression lists: the display tests run with every ASan and
    # UBSan error fatal, but without leak checking (the core tests above check leaks).
    display_env=(ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=1:detect_leaks=0")
  fi
  xvfb-run -a -s "-screen 0 1280x900x24" \
    env GSK_RENDERER=cairo GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 "${display_env[@]}" \
    meson test -C "$builddir" --suite display --print-errorlogs --num-processes 1 \
    --logbase testlog-display "${test_args[@]}" || status=$?
  logs=("$builddir"/meson-logs/testlog-core.json "$builddir"/meson-logs/testlog-display.json)
fi

python3 build-aux/test-summary.py "${logs[@]}" || status=1
exit $status
