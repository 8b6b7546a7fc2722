#!/usr/bin/env bash
# dipcal --version: the project's version, the zone database's version (the first line of tzdata.zi,
# "# version 2025b") and the git commit the binary was built from: a commit of this repository that
# HEAD contains ("-dirty" when the tree had changes), or "unknown" outside a git checkout. (A commit
# made after the build moves HEAD on, so the commit is checked against git's history, not HEAD alone.)
#   test_version.sh DIPCAL PROJECT_VERSION SOURCE_DIR
set -euo pipefail
dipcal=$1 version=$2 source=$3
tzdata=$(sed -n '1s/^# version //p' /usr/share/zoneinfo/tzdata.zi)
mapfile -t lines < <("$dipcal" --version)
fail() { printf 'dipcal --version printed:\n%s\n%s\n' "$(printf '%s\n' "${lines[@]}")" "$1" >&2; exit 1; }
[ ${#lines[@]} -eq 3 ] || fail "expected three lines"
[ "${lines[0]}" = "dipcal $version" ] || fail "expected 'dipcal $version'"
[ "${lines[1]}" = "tzdata $tzdata" ] || fail "expected 'tzdata $tzdata'"
if git -C "$source" rev-parse HEAD >/dev/null 2>&1; then
  [[ ${lines[2]} =~ ^commit\ ([0-9a-f]{12})(-dirty)?$ ]] || fail "expected 'commit' and 12 hex digits"
  git -C "$source" merge-base --is-ancestor "${BASH_REMATCH[1]}" HEAD || fail "not a commit HEAD contains"
else
  [ "${lines[2]}" = "commit unknown" ] || fail "expected 'commit unknown' outside git"
fi
echo "ok: ${lines[*]}"
