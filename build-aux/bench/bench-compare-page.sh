#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# How long the comparison page takes to show a change, on a display (Xvfb, the cairo renderer):
# a leaderboard of 200 models × 50 benchmarks with 5, 20 and all 200 of them compared. Prints the
# median time from the change to the next painted frame. Goals (issue 17), with 200 models
# compared: choosing them under 200 ms, a change of profile or selection under 50 ms.
# Arguments are passed on: [MODELS [BENCHMARKS]].
set -euo pipefail
cd "$(dirname "$0")/../.."
. build-aux/deps.sh
# shellcheck disable=SC2086
lb_install_missing $LB_BUILD_PACKAGES $LB_TEST_PACKAGES

builddir=${BUILDDIR:-_build}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" >/dev/null
meson compile -C "$builddir" bench-compare-page >/dev/null

GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory \
  xvfb-run -a -s "-screen 0 1280x800x24" "$builddir/build-aux/bench/bench-compare-page" "$@"
