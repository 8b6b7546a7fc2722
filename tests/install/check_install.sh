#!/usr/bin/env bash
# Installs the build into a temporary prefix and uses it as someone else would: builds examples/
# against it with find_package(dipcal) and, separately, with `pkg-config --cflags --libs dipcal`, runs
# both on the installed example fixtures and checks they say 4 days (Sun 26 Oct, the last day of the
# Kuala Lumpur talks, to Thu 30 Oct in Seoul: 30 − 26, worked out by hand in the README). Then runs the
# installed CLI from an unrelated folder, where it must find its data relative to itself.
#   check_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1") source=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
fixtures=$prefix/share/dipcal/examples
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_4_days() {  # NAME OUTPUT
  grep -q "[^0-9]4 days" <<<"$2" || fail "$1 printed: $2"
  echo "ok: $1: $2"
}

# 1. CMake: find_package(dipcal) from the prefix, nothing from the build or source folders.
cmake -S "$source/examples" -B "$work/with-cmake" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release \
  ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >/dev/null
cmake --build "$work/with-cmake" >/dev/null
grep -q "dipcal_DIR:PATH=$prefix/lib/cmake/dipcal" "$work/with-cmake/CMakeCache.txt" || fail "find_package did not find the prefix"
expect_4_days "find_package(dipcal)" "$(cd "$work" && "$work/with-cmake/days_before_busan" "$fixtures")"

# 2. pkg-config alone: one compiler line.
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
mkdir "$work/with-pkg-config"
# shellcheck disable=SC2046  # the flags are words
${CXX:-c++} -std=c++20 -O1 "$source/examples/days_before_busan.cpp" -o "$work/with-pkg-config/days_before_busan" \
  $(pkg-config --cflags --libs dipcal)
expect_4_days "pkg-config dipcal" "$(cd "$work" && "$work/with-pkg-config/days_before_busan" "$fixtures")"

# 3. The installed CLI, from elsewhere, with no --fixtures: the example fixtures under share/dipcal.
expect_4_days "installed dipcal" "$(cd "$work" && env -u DIPCAL_FIXTURES "$prefix/bin/dipcal" until busan --from kl-trade-talks)"
# No path of the source tree is compiled into it.
for program in dipcal dipcal-serve; do
  if grep -qaF "$source" "$prefix/bin/$program"; then fail "bin/$program contains the source path $source"; fi
  echo "ok: bin/$program names no source path"
done
# `dipcal serve` runs the installed dipcal-serve in its place (same process), which serves the
# example fixtures until SIGTERM.
(cd "$work" && exec env -u DIPCAL_FIXTURES "$prefix/bin/dipcal" serve --port 0 >"$work/serve.out" 2>"$work/serve.err") &
server=$!
for _ in $(seq 100); do grep -q "serving" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o "http://[^/ ]*" "$work/serve.out" | head -1) || { kill "$server"; fail "dipcal serve printed no address: $(cat "$work/serve.err")"; }
[ "$(cat /proc/$server/comm)" = dipcal-serve ] || { kill "$server"; fail "the process serving is $(cat /proc/$server/comm), not dipcal-serve"; }
events=$(/usr/bin/python3 -c "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1] + '/events.json').read().decode())" "$url")
kill -TERM "$server"
wait "$server" || fail "dipcal serve did not stop cleanly on SIGTERM: $(cat "$work/serve.err")"
grep -q '"id": "busan-trump-xi"' <<<"$events" || fail "the installed server's /events.json lacks busan-trump-xi: ${events:0:300}"
echo "ok: installed dipcal serve ran dipcal-serve, which served the example fixtures and stopped on SIGTERM"
# Private build targets stay out of the package.
if grep -qE "dipcal_warnings|dipcal_sanitizers" "$prefix"/lib/cmake/dipcal/*.cmake; then fail "private targets exported"; fi
echo "ok: the CMake package exports dipcal::engine alone"
