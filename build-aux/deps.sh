# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by run.sh and test.sh: installs the Debian 12 packages the build and tests need.

LB_BUILD_PACKAGES="build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libsqlite3-dev libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream adwaita-icon-theme hicolor-icon-theme
  fonts-cantarell fonts-noto-cjk"
LB_TEST_PACKAGES="xvfb xauth sqlite3 poppler-utils python3
  libxml2-utils librsvg2-bin shared-mime-info libx11-dev libxtst-dev"
# Sanitizer, leak and fuzz runs (build-aux/test.sh --sanitize / --valgrind, build-aux/fuzz.sh).
LB_FUZZ_PACKAGES="clang libclang-rt-14-dev valgrind"

lb_install_missing () {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
