#!/usr/bin/env bash
# Installs the Debian packages scripts/package built into a clean Debian 12 and uses them as a user
# would. Runs as root; changes nothing on the host:
#   - a minimal Debian 12 (debootstrap --variant=minbase bookworm) is made once, from Debian's
#     mirror, in $DIPCAL_DEB_ROOT (default /var/tmp/dipcal-deb-check) and never written to again;
#   - each run mounts a throw-away overlay on it in a private mount namespace (unshare), chroots
#     into that, and discards it at exit. Downloaded .debs are kept beside it to make reruns quick.
# In there: `apt-get install ./dipcal_*.deb ./libdipcal-dev_*.deb` pulls the dependencies from the
# mirror, then `dipcal list --fixtures /usr/share/dipcal/examples` from / and from /tmp, `man dipcal`,
# bash completion of `dipcal until busan <TAB>` (loaded the way bash-completion loads it, from
# /usr/share/bash-completion/completions), and examples/ built with find_package(dipcal) and with
# pkg-config, which must print 4 days.
#   tests/package/check_deb.sh [DEB_DIR]        (default build-deb/)
set -euo pipefail
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
debs=$(realpath "${1:-$source_dir/build-deb}")
state=${DIPCAL_DEB_ROOT:-/var/tmp/dipcal-deb-check}
mirror=${DIPCAL_DEB_MIRROR:-http://deb.debian.org/debian}
[ "$(id -u)" -eq 0 ] || { echo "check_deb.sh: run as root (it makes a chroot)" >&2; exit 2; }
ls "$debs"/dipcal_*_amd64.deb "$debs"/libdipcal-dev_*_amd64.deb >/dev/null

if [ ! -e "$state/rootfs/.complete" ]; then
  command -v debootstrap >/dev/null || { echo "check_deb.sh: needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }
  echo "== making a minimal Debian 12 in $state/rootfs (once)"
  rm -rf "$state/rootfs"
  mkdir -p "$state"
  debootstrap --variant=minbase bookworm "$state/rootfs" "$mirror" >"$state/debootstrap.log"
  touch "$state/rootfs/.complete"
fi
mkdir -p "$state/archives/partial"

scratch=$(mktemp -d "$state/run.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch"/{upper,work,root}
mkdir -p "$scratch/upper/opt/check"
cp "$debs"/dipcal_*_amd64.deb "$debs"/libdipcal-dev_*_amd64.deb "$scratch/upper/opt/check/"
cp -r "$source_dir/examples" "$scratch/upper/opt/check/examples"

cat >"$scratch/upper/opt/check/inside.sh" <<'INSIDE'
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 TZ=UTC PATH=/usr/sbin:/usr/bin:/sbin:/bin
fail() { echo "FAIL: $*" >&2; exit 1; }
cd /opt/check
echo "== apt-get install ./dipcal_*.deb ./libdipcal-dev_*.deb"
apt-get update -qq
apt-get install -y --no-install-recommends -qq man-db bash-completion cmake make g++ pkgconf >/dev/null
dpkg-query -W -f='${Package}\n' | sort >/tmp/before
apt-get install -y ./dipcal_*.deb ./libdipcal-dev_*.deb >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "apt-get install"; }
sed -n '/^The following NEW packages/,/^[0-9]* upgraded/p' /tmp/apt.log
dpkg-query -W -f='${Package}\n' | sort >/tmp/after
pulled=$(comm -13 /tmp/before /tmp/after | tr '\n' ' ')
echo "newly installed: $pulled"
for needed in dipcal libdipcal-dev libfmt9 libyaml-cpp0.7 libdate-tz3 libfmt-dev libyaml-cpp-dev libhowardhinnant-date-dev libboost-graph-dev; do
  [[ " $pulled " == *" $needed "* ]] || dpkg -s "$needed" >/dev/null 2>&1 || fail "$needed not installed"
done

echo "== dipcal from any folder"
for folder in / /tmp /usr/share; do
  out=$(cd "$folder" && dipcal list --fixtures /usr/share/dipcal/examples)
  grep -q "busan-trump-xi" <<<"$out" || fail "dipcal list in $folder: $out"
  echo "ok: in $folder, dipcal list --fixtures /usr/share/dipcal/examples lists $(($(wc -l <<<"$out") - 1)) events"
done
(cd /tmp && dipcal list --fixtures /usr/share/dipcal/examples | head -4)
out=$(cd / && dipcal until busan --from kl-trade-talks)
grep -q " 4 days " <<<"$out" || fail "until: $out"
echo "ok: with no --fixtures, the installed example: $out"
dipcal --version

echo "== man dipcal"
page=$(MANWIDTH=80 man dipcal 2>&1)
grep -q "dipcal until TARGET" <<<"$page" || fail "man dipcal: $page"
sed -n '1,12p' <<<"$page"
MANWIDTH=80 man 5 dipcal-fixtures | grep -q "EXAMPLE" || fail "man 5 dipcal-fixtures"
echo "ok: man dipcal and man 5 dipcal-fixtures render"

echo "== bash: dipcal until busan <TAB>"
cat >/tmp/tab.bash <<'TAB'
source /usr/share/bash-completion/bash_completion
# As on Tab: bash-completion finds the script by the command's name, on first use.
__load_completion dipcal || { echo "no completion found for dipcal"; exit 1; }
complete -p dipcal
tab() {
  COMP_LINE=$1 COMP_POINT=${#1}
  read -ra COMP_WORDS <<<"$1"
  [[ $1 == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMPREPLY=()
  local function=$(complete -p dipcal | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
  "$function" dipcal "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  echo "$1<TAB> → ${COMPREPLY[*]}"
}
cd /tmp
tab "dipcal until busan "
tab "dipcal until busan --from kl-"
tab "dipcal --fixtures /usr/share/dipcal/examples show apec"
tab "dipcal list --tz Asia/Seo"
TAB
out=$(bash /tmp/tab.bash)
echo "$out"
grep -q "^dipcal until busan <TAB> → .*--from-start" <<<"$out" || fail "bash completion"
grep -q "kl-trade-talks" <<<"$out" || fail "bash completion of events"

echo "== a program built with find_package(dipcal)"
cmake -S examples -B /tmp/example-build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build /tmp/example-build >/dev/null
out=$(cd / && /tmp/example-build/days_before_busan /usr/share/dipcal/examples)
grep -q " 4 days " <<<"$out" || fail "find_package example: $out"
echo "ok: $out"
echo "== the same program built with pkg-config"
g++ -std=c++20 examples/days_before_busan.cpp -o /tmp/days_pc $(pkg-config --cflags --libs dipcal)
out=$(/tmp/days_pc /usr/share/dipcal/examples)
grep -q " 4 days " <<<"$out" || fail "pkg-config example: $out"
echo "ok: $out"
echo "== all checks passed in a clean Debian $(cat /etc/debian_version)"
INSIDE

# A private mount namespace: the overlay, /proc, /dev and the apt cache vanish with it.
unshare --mount --pid --fork bash -euo pipefail -c '
  scratch=$1 state=$2
  mount --make-rprivate /
  mount -t overlay overlay -o "lowerdir=$state/rootfs,upperdir=$scratch/upper,workdir=$scratch/work" "$scratch/root"
  mount -t proc proc "$scratch/root/proc"
  mount --rbind /dev "$scratch/root/dev"
  mount --bind "$state/archives" "$scratch/root/var/cache/apt/archives"
  cp /etc/resolv.conf "$scratch/root/etc/resolv.conf"
  chroot "$scratch/root" /bin/bash /opt/check/inside.sh
' check_deb "$scratch" "$state"
