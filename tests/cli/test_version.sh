#!/usr/bin/env bash
# dipcal --version: the project's version, the zone database's version (the first line of tzdata.zi,
# "# version 2025b") and the git commit of the source tree it was built from ("unknown" outside git).
#   test_version.sh DIPCAL PROJECT_VERSION SOURCE_DIR
set -euo pipefail
dipcal=$1 version=$2 source=$3
tzdata=$(sed -n '1s/^# version //p' /usr/share/zoneinfo/tzdata.zi)
if commit=$(git -C "$source" rev-parse --short=12 HEAD 2>/dev/null); then
  git -C "$source" diff-index --quiet HEAD -- || commit+="-dirty"
else
  commit=unknown
fi
expected=$(printf 'dipcal %s\ntzdata %s\ncommit %s' "$version" "$tzdata" "$commit")
actual=$("$dipcal" --version)
if [ "$actual" != "$expected" ]; then
  printf 'dipcal --version printed:\n%s\nexpected:\n%s\n' "$actual" "$expected" >&2
  exit 1
fi
echo "ok: $actual" | tr '\n' ' '
