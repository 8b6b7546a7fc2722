#!/usr/bin/env bash
# CLI tests of the dependency and lead-time queries: until, between, order, path, agenda, graph,
# show's dependencies and check's cycle and broken-relation reports.
#
# Usage: test_queries.sh DIPCAL
#
# Fixtures: tests/cli/fixtures/queries/ (small, with the offsets written beside each event) and the
# bundled fixtures/ (the seed). Every expected value below was worked out by hand from those offsets
# and from a calendar, as the comment beside it says; none was copied from dipcal's output.
set -u

DIPCAL=${1:?usage: test_queries.sh DIPCAL}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
Q="$HERE/fixtures/queries"
SEED="$ROOT/fixtures"
PY=/usr/bin/python3
export TZ=UTC LC_ALL=C.UTF-8 DIPCAL_FIXTURES=

passed=0
failed=0
OUT=""
ERR=""
RC=0

run() {  # run ARGS…: sets OUT, ERR, RC
  local out_file err_file
  out_file=$(mktemp) err_file=$(mktemp)
  "$DIPCAL" "$@" >"$out_file" 2>"$err_file"
  RC=$?
  OUT=$(cat "$out_file") ERR=$(cat "$err_file")
  rm -f "$out_file" "$err_file"
}

ok() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  printf 'FAIL %s\n  exit %s\n  stdout: %s\n  stderr: %s\n' "$1" "$RC" "$OUT" "$ERR"
}
expect_rc() { [[ $RC -eq $2 ]] && ok || fail "$1 (exit $2 expected)"; }
expect_out() { [[ $OUT == *"$2"* ]] && ok || fail "$1 (stdout should contain: $2)"; }
expect_err() { [[ $ERR == *"$2"* ]] && ok || fail "$1 (stderr should contain: $2)"; }
# expect_json NAME PYTHON-EXPRESSION: the expression, over the parsed stdout `j`, must be true.
expect_json() {
  if printf '%s' "$OUT" | "$PY" -c "import json,sys; j=json.load(sys.stdin); sys.exit(0 if ($2) else 1)" 2>/dev/null; then
    ok
  else
    fail "$1 (JSON: $2)"
  fi
}

# --- until, on the seed ----------------------------------------------------------------------------
# The Kuala Lumpur talks end on Sun 26 Oct (all day, kept as is); Busan starts Thu 30 Oct 11:00 KST,
# the 30th in Seoul: 30 − 26 = 4 days.
run --fixtures "$SEED" until busan --from kl-trade-talks
expect_rc "until busan --from kl-trade-talks" 0
expect_out "until busan --from kl-trade-talks" "is 4 days after the end of kl-trade-talks"
expect_out "until busan --from kl-trade-talks names both dates" "Sun 26 Oct 2025 (Kuala Lumpur) → Thu 30 Oct 2025 11:00 KST"
expect_out "until busan --from kl-trade-talks names the zone" "calendar days counted in Asia/Seoul"

run --fixtures "$SEED" until busan --from kl-trade-talks --json
expect_rc "until --json" 0
expect_json "until --json calendar_days" 'j["calendar_days"] == 4'
expect_json "until --json keys" 'j["target"] == "busan-trump-xi" and j["from"] == "kl-trade-talks" and j["zone"] == "Asia/Seoul"'
# An all-day start has no instant: no elapsed time.
expect_json "until --json elapsed null" 'j["elapsed_seconds"] is None'
[[ $OUT == *'"calendar_days": 4'* ]] && ok || fail 'until --json prints "calendar_days": 4'

# --from-start: the talks start Sat 25 Oct, 5 days before the 30th.
run --fixtures "$SEED" until busan --from kl-trade-talks --from-start --json
expect_json "until --from-start" 'j["calendar_days"] == 5 and j["from_point"] == "start"'

# --now 2025-10-26T12:00+08:00 = 04:00Z = 13:00 KST on the 26th: 4 days. Elapsed to 02:00Z on the
# 30th: 3 days 22 h = 338 400 s.
run --fixtures "$SEED" until busan --now 2025-10-26T12:00+08:00
expect_rc "until --now 26 Oct" 0
expect_out "until --now 26 Oct" "is 4 days away"
run --fixtures "$SEED" until busan --now 2025-10-26T12:00+08:00 --json
expect_json "until --now 26 Oct --json" 'j["calendar_days"] == 4 and j["elapsed_seconds"] == 338400 and j["from"] == "now"'

# --now 2025-11-05T09:00+09:00 is Wed 5 Nov in Seoul: 30 Oct − 5 Nov = −6, six days ago.
run --fixtures "$SEED" until busan --now 2025-11-05T09:00+09:00
expect_rc "until --now 5 Nov" 0
expect_out "until --now 5 Nov" "was 6 days ago"
run --fixtures "$SEED" until busan --now 2025-11-05T09:00+09:00 --json
expect_json "until --now 5 Nov --json" 'j["calendar_days"] == -6'

# --tz America/New_York: Busan's 11:00 KST is 22:00 EDT on Wed 29 Oct; the talks' last day stays
# 26 Oct: 3 days.
run --fixtures "$SEED" until busan --from kl-trade-talks --tz America/New_York --json
expect_json "until --tz New York" 'j["calendar_days"] == 3 and j["zone"] == "America/New_York"'

# An undated target: no single date is made up.
run --fixtures "$SEED" until follow-up-round --from busan --json
expect_rc "until an undated event" 0
expect_json "until an undated event gives no count" 'j["calendar_days"] is None'

run --fixtures "$SEED" until no-such-event
expect_rc "until an unknown event is a usage error" 2
run --fixtures "$SEED" until busan --from-start
expect_rc "until --from-start without --from" 2

# --- until and between across the date line and a DST change ---------------------------------------
# Kiritimati call ends 10:30 (UTC+14) on 25 Oct = 20:30Z on the 24th; Pago Pago call starts 10:00
# (UTC−11) on 24 Oct = 21:00Z. In Pago Pago's zone both are on the 24th: 0 days, 30 min apart.
run --fixtures "$Q/dates" until pago-pago-call --from kiritimati-call --json
expect_json "date line: same day in Pago Pago" 'j["calendar_days"] == 0 and j["elapsed_seconds"] == 1800'
# In Kiritimati's zone both are on the 25th (10:30 and 11:00): still 0.
run --fixtures "$Q/dates" until pago-pago-call --from kiritimati-call --tz Pacific/Kiritimati --json
expect_json "date line: same day in Kiritimati" 'j["calendar_days"] == 0'
# A date given by hand keeps its civil date: from 25 Oct to the call on the 24th (Pago Pago) is −1.
run --fixtures "$Q/dates" until pago-pago-call --from 2025-10-25 --json
expect_json "date line: a date keeps its day" 'j["calendar_days"] == -1 and j["elapsed_seconds"] is None'
# From 2025-10-24T20:00Z to 21:00Z: one hour, both instants.
run --fixtures "$Q/dates" until pago-pago-call --from 2025-10-24T20:00Z --json
expect_json "date line: instant to instant" 'j["calendar_days"] == 0 and j["elapsed_seconds"] == 3600'
# New York, 1 Nov 12:00 EDT (16:00Z) to 2 Nov 12:00 EST (17:00Z): 1 calendar day, 25 h = 90 000 s.
run --fixtures "$Q/dates" until ny-sunday --from ny-saturday --json
expect_json "DST: one day of 25 hours" 'j["calendar_days"] == 1 and j["elapsed_seconds"] == 90000'
# And backwards: −1 day, −25 h.
run --fixtures "$Q/dates" until ny-saturday --from ny-sunday --json
expect_json "negative answer" 'j["calendar_days"] == -1 and j["elapsed_seconds"] == -90000'

# between: Kiritimati (20:00Z) comes first; from its end to Pago Pago's start is 0 days in Pago Pago.
run --fixtures "$Q/dates" between pago-pago-call kiritimati-call --json
expect_json "between orders the events" 'j["first"] == "kiritimati-call" and j["second"] == "pago-pago-call" and j["calendar_days"] == 0'
run --fixtures "$SEED" between busan kl-trade-talks
expect_rc "between" 0
expect_out "between, one way" "busan-trump-xi starts 4 days after the end of kl-trade-talks"
expect_out "between, the other way" "kl-trade-talks ends 4 days before the start of busan-trump-xi"

# --- agenda -----------------------------------------------------------------------------------------
# 22:00 EDT on Wed 29 Oct is 11:00 KST on Thu 30 Oct.
run --fixtures "$Q/dates" agenda --on 2025-10-29 --tz America/New_York
expect_out "agenda in New York on the 29th" "ny-evening-call"
run --fixtures "$Q/dates" agenda --on 2025-10-30 --tz Asia/Seoul
expect_out "agenda in Seoul on the 30th" "ny-evening-call"
run --fixtures "$Q/dates" agenda --on 2025-10-29 --tz Asia/Seoul --json
expect_json "agenda in Seoul on the 29th has no New York call" 'all(e["id"] != "ny-evening-call" for d in j for e in d["events"])'
# On 24 Oct UTC: the Kiritimati call (20:00Z) and the Pago Pago call (21:00Z), in that order.
run --fixtures "$Q/dates" agenda --on 2025-10-24 --tz UTC --json
expect_json "agenda on the date line" '[e["id"] for e in j[0]["events"]] == ["kiritimati-call", "pago-pago-call"]'

# --- order, path, graph, show on the seed ------------------------------------------------------------
run --fixtures "$SEED" order --json
expect_rc "order --json" 0
expect_json "order: Geneva < London < Stockholm < Madrid < Kuala Lumpur < Busan" \
  '[j.index(x) for x in ["geneva-talks","london-talks","stockholm-talks","madrid-talks","kl-trade-talks","busan-trump-xi"]] == sorted([j.index(x) for x in ["geneva-talks","london-talks","stockholm-talks","madrid-talks","kl-trade-talks","busan-trump-xi"]])'
expect_json "order lists every event once" 'len(j) == len(set(j))'
run --fixtures "$SEED" order --by time --json
expect_json "order --by time starts with Geneva" 'j[0] == "geneva-talks"'

run --fixtures "$SEED" path geneva busan --json
expect_rc "path --json" 0
expect_json "path: the rounds lead to Busan" \
  'j["chains"][0]["events"] == ["geneva-talks","london-talks","stockholm-talks","madrid-talks","kl-trade-talks","busan-trump-xi"]'
expect_json "path: the last link is prepares" 'j["chains"][0]["links"][-1]["relation"] == "prepares"'
run --fixtures "$SEED" path busan geneva --json
expect_json "path: none backwards" 'j["chains"] == []'

run --fixtures "$SEED" graph --format dot
expect_out "graph dot" "digraph G {"
expect_out "graph dot edge" '"kl-trade-talks"->"busan-trump-xi" [label="prepares"]'
run --fixtures "$SEED" graph --format mermaid
expect_out "graph mermaid" "kl_trade_talks -->|prepares| busan_trump_xi"

run --fixtures "$SEED" show busan
expect_out "show: the relation from the other end" "is prepared by kl-trade-talks"
expect_out "show: direct prerequisite" "depends on:  kl-trade-talks"
expect_out "show: transitive prerequisites" "geneva-talks"
run --fixtures "$SEED" show busan --json
expect_json "show --json dependencies" '"geneva-talks" in j["depends_on"]["all"] and [d["id"] for d in j["depends_on"]["direct"]] == ["kl-trade-talks"]'

# --- check: the seed is clean; a cycle, a broken relation, a gap without meaning are not ------------
run check "$SEED"
expect_rc "check the seed" 0

run check "$Q/cycle"
expect_rc "check a cycle" 1
expect_err "check prints the whole cycle" "dependency cycle: alpha → beta → gamma → alpha"
expect_err "check names each edge's relation and place" "cycle.yaml:24:9: beta → gamma: gamma after beta"
expect_err "check names the closing edge" "cycle.yaml:15:9: gamma → alpha: alpha during gamma"
run --fixtures "$Q/cycle" order
expect_rc "order on a cycle" 1

# The talks' last day is Fri 31 Oct in Kuala Lumpur; the meeting starts Thu 30 Oct 11:00 KST.
run check "$Q/broken"
expect_rc "check a broken relation" 1
expect_err "check names both events and dates" \
  "long-talks prepares leaders-meeting, but ends 2025-10-31 after it starts Thu 30 Oct 2025 11:00 KST"
expect_err "check points at the relation" "broken.yaml:13:9: error:"

run check "$Q/gap"
expect_rc "check a gap on during" 1
expect_err "check a gap on during" "gap has no meaning for during"

run check "$Q/dates"
expect_rc "check the dates fixture" 0

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
