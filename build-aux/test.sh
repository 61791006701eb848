#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the whole test suite (display tests under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh
# shellcheck disable=SC2086
lb_install_missing $LB_BUILD_PACKAGES $LB_TEST_PACKAGES

builddir=_build
if [ -f "$builddir/build.ninja" ]; then
  meson setup --reconfigure "$builddir" >/dev/null
else
  meson setup "$builddir"
fi
meson compile -C "$builddir"

status=0
meson test -C "$builddir" --no-suite display --print-errorlogs --num-processes 2 \
  --logbase testlog-core || status=$?
xvfb-run -a -s "-screen 0 1280x900x24" \
  env GSK_RENDERER=cairo GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 \
  meson test -C "$builddir" --suite display --print-errorlogs --num-processes 1 \
  --logbase testlog-display || status=$?

python3 build-aux/test-summary.py "$builddir"/meson-logs/testlog-core.json \
  "$builddir"/meson-logs/testlog-display.json || status=1
exit $status
