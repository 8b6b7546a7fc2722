#!/usr/bin/env bash
# The README's two commands work in either order (issue 15): a build folder configured while a test
# package was not visible (here libical, hidden from pkg-config by PKG_CONFIG_LIBDIR) is configured
# again once it is, and a folder whose packages did not change is not configured again. Only libical
# is hidden: the build's own pkg-config packages (cpp-httplib) stay visible in a folder of links.
# Usage: test_front_door.sh REPO_ROOT WORK_DIR
set -euo pipefail
source "$1/scripts/setup"
dir="$2"
rm -rf "$dir"
export DIPCAL_CONFIGURE_ONLY=1 DIPCAL_BUILD_QUIET=1
unset PKG_CONFIG_LIBDIR PKG_CONFIG_PATH

pkg-config --exists libical || { echo "FAIL libical-dev is not installed (scripts/setup's test packages)"; exit 1; }

found() { grep -q '^LIBICAL_FOUND:INTERNAL=1$' "$dir/CMakeCache.txt"; }

hidden="$dir.pc"
rm -rf "$hidden" && mkdir -p "$hidden"
for pc_dir in $(pkg-config --variable pc_path pkg-config | tr ':' ' '); do
  [ -d "$pc_dir" ] || continue
  for pc in "$pc_dir"/*.pc; do
    [ -e "$pc" ] && [ "$(basename "$pc")" != libical.pc ] && [ ! -e "$hidden/$(basename "$pc")" ] && ln -s "$pc" "$hidden/"
  done
done
PKG_CONFIG_LIBDIR="$hidden" dipcal_build "$dir" 2>/dev/null
found && { echo "FAIL libical was found although pkg-config could not see it"; exit 1; }
echo "ok: configured without libical"

said="$(dipcal_build "$dir" 2>&1)"
found || { echo "FAIL the configure made without libical was kept once libical was visible"; exit 1; }
[[ "$said" == "dipcal: configured "* ]] || { echo "FAIL expected one line saying it configured, got: $said"; exit 1; }
echo "ok: configured again once libical was visible, and said so: $said"

before="$(stat -c %Y "$dir/CMakeCache.txt")"
sleep 1
said="$(dipcal_build "$dir" 2>&1)"
[ -z "$said" ] || { echo "FAIL nothing changed, yet it said: $said"; exit 1; }
[ "$(stat -c %Y "$dir/CMakeCache.txt")" = "$before" ] || { echo "FAIL configured again though nothing changed"; exit 1; }
echo "ok: nothing changed, nothing configured, nothing said"
