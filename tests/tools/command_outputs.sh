#!/usr/bin/env bash
# Every command's output (text and --json) on the bundled fixtures and the CLI test fixtures, one
# file per command line, with its exit code: run before and after a change that should not alter
# behaviour, then `diff -r BEFORE AFTER`. Usage: command_outputs.sh DIPCAL OUTDIR
set -u
dipcal="$1" out="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "$out"
export TZ=UTC LC_ALL=C.UTF-8 DIPCAL_CACHE_DIR="$out/.cache"
now=(--now 2025-10-26T12:00+08:00)
n=0
run() {  # run NAME ARGS…
  local name="$1"; shift
  n=$((n + 1))
  (cd "$root" && "$dipcal" "$@" >"$out/$name.out" 2>"$out/$name.err"; echo "exit $?" >>"$out/$name.out")
}
seed=(--fixtures fixtures --no-cache)
for tz in UTC Asia/Seoul America/New_York; do
  t=${tz//\//_}
  run "list-$t" "${seed[@]}" --tz "$tz" list
  run "list-json-$t" "${seed[@]}" --tz "$tz" list --json
  run "list-range-$t" "${seed[@]}" --tz "$tz" list --from 2025-10-26 --to 2025-10-30
  run "agenda-$t" "${seed[@]}" --tz "$tz" agenda --from 2025-10-24 --to 2025-11-30
  run "agenda-json-$t" "${seed[@]}" --tz "$tz" agenda --from 2025-10-24 --to 2025-11-30 --json
  run "until-busan-now-$t" "${seed[@]}" --tz "$tz" "${now[@]}" until busan
  run "until-follow-$t" "${seed[@]}" --tz "$tz" "${now[@]}" until follow-up-round --json
done
for e in geneva-talks kl-trade-talks busan-trump-xi follow-up-round tariff-truce-expiry asia-markets-reopen; do
  run "show-$e" "${seed[@]}" --tz America/New_York show "$e"
  run "show-json-$e" "${seed[@]}" --tz America/New_York show "$e" --json
  run "until-$e" "${seed[@]}" "${now[@]}" until "$e" --from kl-trade-talks
  run "until-json-$e" "${seed[@]}" "${now[@]}" until "$e" --from 2025-10-25 --json
  run "until-start-$e" "${seed[@]}" "${now[@]}" until "$e" --from madrid-talks --from-start
  run "between-$e" "${seed[@]}" between kl-trade-talks "$e"
  run "between-json-$e" "${seed[@]}" between "$e" geneva-talks --json
done
run until-busan "${seed[@]}" until busan --from kl-trade-talks
run until-busan-later "${seed[@]}" --now 2025-11-05T09:00+09:00 until busan
run until-datetime "${seed[@]}" until busan --from 2025-10-26T23:30
run order "${seed[@]}" order
run order-json "${seed[@]}" order --json
run order-time "${seed[@]}" order --by time
run path "${seed[@]}" path geneva-talks busan-trump-xi
run path-json "${seed[@]}" path geneva-talks busan-trump-xi --json
run graph-dot "${seed[@]}" graph
run graph-mermaid "${seed[@]}" graph --format mermaid
run windows "${seed[@]}" windows
run windows-json "${seed[@]}" windows --json
run windows-one "${seed[@]}" windows follow-up-round
run check "${seed[@]}" check
run export-ics "${seed[@]}" export ics
run export-ics-range "${seed[@]}" --tz America/New_York export ics --from 2025-10-26 --to 2025-10-30
run export-svg "${seed[@]}" "${now[@]}" export svg
run export-html "${seed[@]}" "${now[@]}" export html --tz Asia/Seoul
for d in tests/cli/fixtures/basic tests/cli/fixtures/queries/dates tests/cli/fixtures/queries/gap; do
  t=${d//\//_}
  run "check-$t" --no-cache --fixtures "$d" check
  run "list-$t" --no-cache --fixtures "$d" --tz Asia/Seoul list
  run "list-json-$t" --no-cache --fixtures "$d" list --json
  run "agenda-$t" --no-cache --fixtures "$d" --tz Asia/Seoul agenda --from 2025-10-20 --to 2025-11-10
  run "order-$t" --no-cache --fixtures "$d" order
  run "windows-$t" --no-cache --fixtures "$d" windows --json
  run "export-$t" --no-cache --fixtures "$d" export ics
done
for d in tests/cli/fixtures/queries/cycle tests/cli/fixtures/queries/broken tests/cli/fixtures/bad; do
  t=${d//\//_}
  run "check-$t" --no-cache --fixtures "$d" check
done
for f in tests/cli/fixtures/bad/*.yaml; do
  t=$(basename "$f" .yaml)
  run "check-bad-$t" --no-cache --fixtures "$f" check
done
echo "$n command lines written to $out" >&2
