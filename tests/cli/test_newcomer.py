#!/usr/bin/env python3
"""Issue 15, "A newcomer's first hour": one test per case listed under its "Why", and the fixture with
twelve mistakes. Expected positions, zones and clocks were worked out by hand from the fixtures and
tzdata's rules (noted beside each); the DST clocks are also confirmed with Python's zoneinfo.

Usage: test_newcomer.py DIPCAL REPO_ROOT WORK_DIR
(The front-door case is tests/scripts/test_front_door.sh; every suggested fix is test_suggested_fixes.py.)
"""
import os
import re
import shutil
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from dipcal_run import Tally, run as run_process  # noqa: E402

DIPCAL, ROOT, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
FIX = os.path.join(ROOT, "tests/cli/fixtures/newcomer")
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", DIPCAL_FIXTURES="")
tally = Tally()
check = tally.check


def run(*args, stdin=None):
    return run_process([DIPCAL, "--no-cache", *args], env=ENV, text=True, timeout=120, input=stdin)


def diagnostics(text):
    """(line, col, severity, message-and-suggestion) for each diagnostic line."""
    out = []
    for line in text.splitlines():
        m = re.match(r"^[^ ].*?:(\d+):(\d+): (error|warning): (.*)$", line)
        if m:
            out.append((int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)))
    return out


def has(diags, line, col, *fragments, severity="error"):
    return any(l == line and c == col and s == severity and all(f in m for f in fragments) for l, c, s, m in diags)


# --- Done when: twelve different mistakes, several on one event, all in one run ---------------------
code, out, err = run("check", os.path.join(FIX, "twelve-mistakes.yaml"))
d = diagnostics(err)
twelve = [  # (line, col, what, suggestion): columns counted by hand in the fixture
    (7, 42, "country 'UK' is not an ISO 3166-1 alpha-2 code", "did you mean GB?"),
    (8, 5, "unknown key 'timezone'", "write it under location: as zone"),
    (11, 12, "does not exist in Europe/Brussels", "write 2025-03-30T03:30"),
    (14, 9, "unknown event 'alaska-sumit'", "did you mean alaska-summit?"),
    (15, 50, "gap has no meaning for during", "remove the gap"),
    (18, 13, "unknown status 'confirmd'", "did you mean confirmed?"),
    (21, 15, "both end and duration", "keep end or duration"),
    (23, 9, "duplicate event id 'geneva-round'", "rename one of them"),
    (26, 22, "unknown zone 'Europe/Brusels'", "did you mean Europe/Brussels?"),
    (30, 10, "end 2025-02-18T09:00 is before start", ""),
    (31, 46, "lat must be a number from -90 to 90", ""),
    (32, 12, "tag 'Trade Talks' is not a valid slug", "for example"),
]
check("twelve mistakes: exit 1", code == 1, err)
check("twelve mistakes: exactly twelve errors", len([x for x in d if x[2] == "error"]) == 12 and "12 problems in 1 file" in err, err)
for line, col, what, suggestion in twelve:
    check(f"twelve mistakes: {line}:{col} {what}", has(d, line, col, what, suggestion), err)

# --- Why: check does not report every problem ---------------------------------------------------
code, out, err = run("check", os.path.join(FIX, "same-event-errors.yaml"))
d = diagnostics(err)
check("unknown target on an event with other errors", has(d, 13, 9, "unknown event 'alaska-sumit'", "did you mean alaska-summit?"), err)
check("gap on during on an event with other errors", has(d, 14, 51, "gap has no meaning for during"), err)
check("the event's other errors too", has(d, 9, 11, "unknown kind 'talkz'") and has(d, 11, 22, "America/Washington"), err)

code, out, err = run("check", os.path.join(FIX, "dropped-target.yaml"))
d = diagnostics(err)
check("suggestion names an event that was left out", has(d, 13, 9, "unknown event 'busan-meting'", "did you mean busan-meeting?"), err)
check("duplicate id in a file with other errors", has(d, 14, 9, "duplicate event id 'readout'"), err)

# Across files (ids at column 10, after "  - {id: "): the first 'summit' is left out for its zone; the
# second is a duplicate of it, and a
# misspelled target in a third file still gets the left-out event's id as its suggestion.
for name, body in [("a.yaml", "events:\n  - {id: summit, title: S, start: 2025-01-01, location: {zone: Mars/Olympus}}\n"),
                   ("b.yaml", "events:\n  - {id: summit, title: S2, start: 2025-01-02, location: {zone: UTC}}\n"),
                   ("c.yaml", "events:\n  - {id: talks, title: T, start: 2025-01-03, location: {zone: UTC},"
                              " relations: [{type: after, event: sumit}]}\n")]:
    os.makedirs(os.path.join(WORK, "files"), exist_ok=True)
    with open(os.path.join(WORK, "files", name), "w") as f:
        f.write(body)
code, out, err = run("check", os.path.join(WORK, "files"))
check("across files: a duplicate of an event left out", "b.yaml:2:10: error: duplicate event id 'summit'" in err, err)
check("across files: a target suggested from an event left out", "unknown event 'sumit'" in err and "did you mean summit?" in err, err)

code, out, err = run("check", os.path.join(FIX, "cycle-and-conflict.yaml"))
d = diagnostics(err)
check("dependency cycle reported", any("dependency cycle: a → b → a" in m for _, _, _, m in d), err)
check("network conflict reported beside an unrelated cycle", any("cannot all hold" in m and "6 days short" in m for _, _, _, m in d), err)

# --- Why: DST-gap advice that check refuses; --from inside a gap --------------------------------
# Brussels, 2025-03-30: clocks go 02:00 CET → 03:00 CEST. 02:30+01:00 = 01:30Z = 03:30 CEST; 02:30+02:00 =
# 00:30Z = 01:30 CET. zoneinfo agrees:
bru = ZoneInfo("Europe/Brussels")
assert datetime(2025, 3, 30, 1, 30, tzinfo=timezone.utc).astimezone(bru).strftime("%H:%M") == "03:30"
assert datetime(2025, 3, 30, 0, 30, tzinfo=timezone.utc).astimezone(bru).strftime("%H:%M") == "01:30"
code, out, err = run("check", os.path.join(FIX, "instants.yaml"))
check("both suggested gap fixes, and an offset in the overlap, pass check", code == 0, err)
gap = os.path.join(WORK, "gap.yaml")
with open(gap, "w") as f:
    f.write("events:\n  - id: g\n    title: G\n    start: 2025-03-30T02:30+01:00\n    location: {zone: Europe/Brussels}\n")
code, out, err = run("check", gap)
check("an offset written for a gap time is taken as an instant, with what Brussels reads",
      code == 0 and "2025-03-30T03:30 in Europe/Brussels (+02:00)" in err, err)
# New York, 2025-03-09: 02:00 EST → 03:00 EDT; 02:30-05:00 = 07:30Z = 03:30 EDT.
code, out, err = run("--tz", "America/New_York", "--now", "2025-03-09T02:30-05:00", "--fixtures", os.path.join(FIX, "instants.yaml"),
                     "until", "istanbul-talks")
check("--now inside New York's gap is refused, with clocks that exist",
      code == 2 and "DST gap" in err and "2025-03-09T03:30" in err and "2025-03-09T01:30" in err, err)
code, out, err = run("--tz", "America/New_York", "--now", "2025-03-09T03:30-04:00", "--fixtures", os.path.join(FIX, "instants.yaml"),
                     "until", "istanbul-talks")
check("the suggested clock is taken", code == 0, err)

# --- Why: 10:30 GMT for an Istanbul event -------------------------------------------------------
# Istanbul is UTC+03:00 all year since 2016: 10:30Z is 13:30 there.
assert datetime(2025, 5, 16, 10, 30, tzinfo=timezone.utc).astimezone(ZoneInfo("Europe/Istanbul")).strftime("%H:%M") == "13:30"
code, out, err = run("--fixtures", os.path.join(FIX, "instants.yaml"), "show", "istanbul-talks")
check("10:30Z for Istanbul is shown as 13:30 in its zone", code == 0 and "Fri 16 May 2025 13:30 +03" in out, out + err)
code, out, err = run("check", os.path.join(FIX, "instants.yaml"))
check("and check warns with the zone's reading", has(diagnostics(err), 6, 12, "is 2025-05-16T13:30 in Europe/Istanbul (+03:00)",
                                                        "write 2025-05-16T13:30", severity="warning"), err)

# --- Why: zones and countries people type -------------------------------------------------------
code, out, err = run("check", os.path.join(FIX, "zones.yaml"))
d = diagnostics(err)
check("EST warns, naming America/New_York", has(d, 6, 22, "UTC−05:00 all year", "write America/New_York", severity="warning"), err)
check("CET warns", has(d, 10, 22, "zone CET is a legacy", severity="warning"), err)
check("Etc/GMT+3 explains its sign", has(d, 14, 22, "Etc/GMT+3 is UTC−03:00", "POSIX signs", severity="warning"), err)
check("US/Eastern names America/New_York", has(d, 18, 22, "link to America/New_York", "write America/New_York", severity="warning"), err)
check("America/Washington suggests America/New_York alone", has(d, 22, 22, "did you mean America/New_York?"), err)
check("Asia/Abu_Dhabi suggests Asia/Dubai", has(d, 26, 22, "did you mean Asia/Dubai?"), err)
check("country UK suggests GB", has(d, 30, 25, "country 'UK'", "did you mean GB?"), err)
check("key date suggests start", has(d, 33, 5, "unknown key 'date'", "did you mean start?"), err)
check("key timezone suggests zone", has(d, 34, 16, "unknown key 'timezone'", "did you mean zone?"), err)

# --- Why: the command line ----------------------------------------------------------------------
queries = os.path.join(ROOT, "fixtures")
code, out, err = run("lst")
check("dipcal lst suggests list", code == 2 and "unknown command 'lst'; did you mean list?" in err, err)
code, out, err = run("list", "--form", "2025-10-01")
check("list --form suggests --from", code == 2 and "unknown option '--form' for list; did you mean --from?" in err, err)
code, out, err = run("--fixtures", queries, "between", "alaska")
check("between names its arguments EVENT_A and EVENT_B", code == 2 and "EVENT_B is required" in err, err)
for bad_date in ("2025-13-01", "26/10/2025"):
    code, out, err = run("--fixtures", queries, "until", "busan-trump-xi", "--from", bad_date)
    check(f"until --from {bad_date} says which dates it takes", code == 2 and "a date 2025-10-26" in err and "2025-10-26T12:00Z" in err, err)
code, out, err = run("--fixtures", queries, "list", "--tag", "leader")
check("--tag with no such tag warns with the nearest tags, exit 0", code == 0 and "no event has the tag 'leader'" in err and "did you mean" in err, err)
code, out, err = run("--fixtures", queries, "export", "ics", "--from", "2030-01-01", "-o", os.path.join(WORK, "none.ics"))
check("an export that selects nothing warns, exit 0", code == 0 and "warning: no event matches" in err, err)
chain = os.path.join(WORK, "chain.yaml")
with open(chain, "w") as f:
    f.write("events:\n"
            "  - {id: x, title: X, start: 2025-01-01, location: {zone: UTC}}\n"
            "  - {id: y, title: Y, start: 2025-01-02, location: {zone: UTC}}\n")
code, out, err = run("--fixtures", chain, "path", "x", "y")
check("path with no chain exits 1", code == 1 and "no dependency chain" in out, out + err)
code, out, err = run("--fixtures", chain, "path", "x", "x")
check("path X X exits 2, as between X X", code == 2 and "same event" in err, err)
code, out, err = run("--fixtures", chain, "between", "x", "x")
check("between X X exits 2", code == 2, err)

# --- Why: ICS import ------------------------------------------------------------------------------
ics = os.path.join(WORK, "floating.ics")
with open(ics, "w", newline="") as f:
    f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-TIMEZONE:Europe/Brussels\r\n"
            "BEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20251001T000000Z\r\nDTSTART:20251023T080000\r\nSUMMARY:Floating\r\n"
            "PRIORITY:1\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:b@test\r\nDTSTAMP:20251001T000000Z\r\nDTSTART;TZID=Europe/Brussels:20251001T090000\r\n"
            "RRULE:FREQ=DAILY;COUNT=3\r\nSUMMARY:Series\r\nPRIORITY:2\r\nCREATED:20250901T000000Z\r\nX-FOO:bar\r\n"
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nDESCRIPTION:x\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
out_fixture = os.path.join(WORK, "imported", "floating.yaml")
os.makedirs(os.path.dirname(out_fixture))
code, out, err = run("import", "ics", ics, "--expand-from", "2025-10-01", "--expand-to", "2025-10-31", "-o", out_fixture)
check("a floating DTSTART reads X-WR-TIMEZONE without --tz", code == 0 and os.path.exists(out_fixture), err)
text = open(out_fixture).read() if os.path.exists(out_fixture) else ""
# 08:00 on 23 Oct 2025 in Brussels (CEST, before the 26 Oct change) is written as that local time.
check("... written as 2025-10-23T08:00 in Europe/Brussels", "start: 2025-10-23T08:00" in text and "Europe/Brussels" in text, text)
check("PRIORITY counted on both events, the series included", "PRIORITY" in err and "(2 times)" in err, err)
for dropped in ("CREATED", "X-FOO", "VALARM"):
    check(f"{dropped} of the recurring event reported", dropped in err, err)
schema_line = text.splitlines()[0] if text else ""
schema = schema_line.split("$schema=", 1)[-1]
check("the schema line names a file that exists wherever the fixture is", os.path.isabs(schema) and os.path.exists(schema), schema_line)

# A 1919 Asia/Kathmandu event exported and imported again: local mean time (+05:41:16) until
# 1920-01-01 00:00, then +05:30, so 23:48:44–24:00 of 31 Dec 1919 happens twice. The end, 18:12Z, is
# 23:53:16 LMT: a time the fixture cannot write with an offset (seconds), so import writes a duration.
kathmandu = os.path.join(WORK, "kathmandu.yaml")
with open(kathmandu, "w") as f:
    f.write("events:\n  - id: old\n    title: Old\n    start: 1919-12-31T23:00\n    end: 1919-12-31T18:12Z\n"
            "    location: {zone: Asia/Kathmandu}\n")
assert datetime(1919, 12, 31, 18, 12, tzinfo=timezone.utc).astimezone(ZoneInfo("Asia/Kathmandu")).strftime("%H:%M:%S") == "23:53:16"
k_ics = os.path.join(WORK, "kathmandu.ics")
code, out, err = run("--fixtures", kathmandu, "export", "ics", "-o", k_ics)
check("1919 Kathmandu exports", code == 0, err)
k_back = os.path.join(WORK, "kathmandu-back.yaml")
code, out, err = run("import", "ics", k_ics, "-o", k_back)
check("and imports as a fixture check takes", code == 0 and os.path.exists(k_back), err)
if os.path.exists(k_back):
    code, out, err2 = run("check", k_back)
    check("check takes the imported 1919 fixture", code == 0, err2 + open(k_back).read())
    # 23:00 LMT = 17:18:44Z; 18:12:00Z − 17:18:44Z = 53 min 16 s.
    check("the end is kept as a duration of 53 min 16 s", "duration: PT53M16S" in open(k_back).read(), open(k_back).read())

# --- Why: ICS export ------------------------------------------------------------------------------
exp = os.path.join(WORK, "export.yaml")
with open(exp, "w") as f:
    f.write("events:\n  - id: p\n    title: P\n    status: postponed\n    kind: talks\n    tags: [talks, ru-ua, talks-round]\n"
            "    start: 2025-05-16\n    location: {zone: Europe/Istanbul}\n    sources:\n      - {outlet: Wire, published: 2025-05-10}\n")
code, out, err = run("--fixtures", exp, "export", "ics")
unfolded = out.replace("\r\n ", "")
check("postponed is written as CANCELLED, with the word kept", "STATUS:CANCELLED" in unfolded and "X-DIPCAL-STATUS:postponed" in unfolded
      and "Postponed" in unfolded, unfolded)
# No `updated`: the newest source date, 2025-05-10, midnight UTC.
check("DTSTAMP from the files' contents, not 1970", "DTSTAMP:20250510T000000Z" in unfolded, unfolded)
cats = re.search(r"^CATEGORIES:(.*)$", unfolded, re.M)
values = cats.group(1).strip().split(",") if cats else []
check("no CATEGORIES value repeats", values and len(values) == len(set(values)), unfolded)

sys.exit(tally.finish())
