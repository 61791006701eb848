#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a store with 1,045 leaderboards (as many as the LBOps study collected), one of them
# 500 models × 50 benchmarks, and prints how long a full comparison takes and the peak memory.
# Goal: under 50 ms for the large one. Arguments are passed on: [SMALL [MODELS [BENCHMARKS]]].
set -euo pipefail
cd "$(dirname "$0")/../.."

builddir=${BUILDDIR:-_build}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" >/dev/null
meson compile -C "$builddir" >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$builddir/build-aux/bench/bench-compare" "$tmp/bench.db" "$@"
