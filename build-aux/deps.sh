# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by run.sh and test.sh: installs the Debian 12 packages the build and tests need, and
# sets up the build directory the same way for both.

LB_BUILD_PACKAGES="build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libsqlite3-dev libcairo2-dev libpango1.0-dev libgsf-1-dev libxml2-dev libfreexl-dev
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

# Sets up (or reconfigures) the meson build directory $1 with the further meson arguments given.
# Its prefix is always $1/install inside the checkout, whichever script ran first: run.sh
# installs there and runs the app from there, and nothing is ever installed outside the checkout.
lb_setup_build () {
  local builddir=$1
  shift
  local prefix="$PWD/$builddir/install"
  if [ -f "$builddir/build.ninja" ]; then
    meson setup --reconfigure "$builddir" --prefix="$prefix" "$@" >/dev/null
  else
    meson setup "$builddir" --prefix="$prefix" "$@"
  fi
}
