#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts Leaderboard on the user's database.
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh
# shellcheck disable=SC2086
lb_install_missing $LB_BUILD_PACKAGES

builddir=_build
# The same set-up as test.sh's, so either may run first.
lb_setup_build "$builddir"
meson compile -C "$builddir"
meson install -C "$builddir" --quiet >/dev/null

export XDG_DATA_DIRS="$PWD/$builddir/install/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/install/share/glib-2.0/schemas"
exec "$PWD/$builddir/install/bin/leaderboard" "$@"
