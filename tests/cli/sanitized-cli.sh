#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# leaderboard-cli as the tests start it in a sanitizer build (tests/meson.build): with ASan's
# quick unwinder (the tests keep the slow one, which their GLib suppressions need) and
# without GIO's extension modules (allocated once per process; the CLI reads local files only).
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=1" \
GIO_MODULE_DIR=/nonexistent \
exec "$LB_CLI_REAL" "$@"
