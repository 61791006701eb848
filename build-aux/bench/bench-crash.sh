#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The crash-safety test (tests/robustness/test-crash.c) at full size: TRIALS SIGKILLs (default 200) per
# command — CSV import, LBOM import, record-form edit — on a sheet of ROWS rows (default
# 20,000). Each must leave the database passing integrity_check and exactly as before or as
# after the command.
set -euo pipefail
cd "$(dirname "$0")/../.."
. build-aux/deps.sh
# shellcheck disable=SC2086
lb_install_missing $LB_BUILD_PACKAGES sqlite3

builddir=_build
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" >/dev/null
meson compile -C "$builddir" test-crash leaderboard-cli >/dev/null
LB_CRASH_TRIALS=${TRIALS:-200} LB_CRASH_ROWS=${ROWS:-20000} \
  meson test -C "$builddir" test-crash --timeout-multiplier 0 --verbose --logbase testlog-crash
