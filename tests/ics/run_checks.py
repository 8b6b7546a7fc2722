#!/usr/bin/python3
"""dipcal's ICS output read by four independent parsers, and the properties none of them checks.

Usage: run_checks.py DIPCAL REPO_ROOT WORK_DIR [LIBICAL_CHECK]

For the bundled seed fixtures and tests/ics/fixtures/edges.yaml (DST edges, before 1970, after 2037,
all-day and multi-day events, a hostile title):
  - every parser (libical, python3-icalendar, python3-vobject, ical.js) reads every event, at the
    instants `dipcal list --json` gives (start_utc/end_utc; for all-day events the dates, DTEND
    exclusive), under the UID derived here independently (UUIDv5 of the calendar and event ids);
  - the text: CRLF line ends, lines of at most 75 octets, folds never inside a UTF-8 sequence nor
    after an escaping backslash, a VTIMEZONE for every TZID and none named UTC, no ambiguous local
    time, byte-identical output across two runs, and a title with CR, LF, ';', ',' and ':' that adds
    no property;
  - export -> import -> export gives the same bytes, and the imported fixture passes `check`.
For the hand-written samples in tests/ics/samples (Outlook, Google, Evolution, a floating time):
  import gives a fixture that passes `check`, at the instants worked out by hand below, every left-out
  component is reported, and import -> export -> import -> export is byte-identical.

The last line is "N passed, N failed".
"""
import datetime as dt
import json
import os
import re
import shutil
import sys
import uuid
import zoneinfo

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from dipcal_run import ENV, Tally, run as run_process  # noqa: E402

DIPCAL, ROOT, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
LIBICAL = sys.argv[4] if len(sys.argv) > 4 else ""
HERE = os.path.join(ROOT, "tests", "ics")
NODE_DIR = os.path.join(HERE, "node")
tally = Tally()
check = tally.check


def run(args, cwd=None, extra_env=None):
    # HOME for npm and node, which keep their caches there.
    env = {**ENV, "HOME": os.environ.get("HOME", "/tmp"), **(extra_env or {})}
    code, out, err = run_process(args, cwd=cwd, env=env, timeout=300)
    return code, out, err.decode("utf-8", "replace")


def dipcal(*args):
    return run([DIPCAL, *args])


# --- the four parsers -------------------------------------------------------------------------------
def ensure_node_modules():
    """npm ci from the committed package-lock.json, once per run, unless ical.js is already there."""
    if os.path.isdir(os.path.join(NODE_DIR, "node_modules", "ical.js")):
        return True
    npm = shutil.which("npm", path=os.environ.get("PATH"))
    if not npm:
        print("npm is not installed: ical.js cannot be checked")
        return False
    code, out, err = run([npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR, extra_env={"PATH": os.environ.get("PATH", "")})
    if code != 0:
        print(f"npm ci failed:\n{err}")
    return code == 0


def parsers():
    found = {}
    if LIBICAL:
        found["libical"] = [LIBICAL]
    found["python3-icalendar"] = ["/usr/bin/python3", os.path.join(HERE, "parse_icalendar.py")]
    found["python3-vobject"] = ["/usr/bin/python3", os.path.join(HERE, "parse_vobject.py")]
    node = shutil.which("node", path=os.environ.get("PATH"))
    if node and ensure_node_modules():
        found["ical.js"] = [node, os.path.join(NODE_DIR, "parse_icaljs.mjs")]
    return found


def parse_with(name, command, path):
    code, out, err = run(command + [path], extra_env={"PATH": os.environ.get("PATH", "")})
    lines = out.decode("utf-8").splitlines()
    summary = lines[-1] if lines else ""
    check(f"{name} reads {os.path.basename(path)} without error", code == 0 and re.fullmatch(r"\d+ passed, 0 failed", summary),
          f"exit {code}; {summary}\n{err[-3000:]}")
    events = {}
    for line in lines[:-1]:
        item = json.loads(line)
        events[item["uid"]] = item
    notes = [l for l in err.splitlines() if l.startswith("NOTE")]
    return events, notes


# --- expected values: dipcal's own reading of the fixtures, keyed by a UID derived here ------------
def expected_events(fixtures, calendar_id):
    code, out, err = dipcal("--fixtures", fixtures, "list", "--json")
    check(f"list --json {os.path.basename(fixtures)}", code == 0, err)
    want = {}
    for e in json.loads(out):
        uid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:dipcal:{calendar_id}:{e['id']}"))
        if e["all_day"] and e["start"] is None:
            # A window (docs/ICS.md): an undated event whose window spans at most 7 days is written over
            # it; any other window as a one-day marker on its earliest possible start day in its zone;
            # a start open on either side is left out.
            w = e["window"]
            zone = zoneinfo.ZoneInfo(e["zone"])
            utc = lambda text: dt.datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
            es, ls, le = utc(w.get("earliest_start_utc")), utc(w.get("latest_start_utc")), utc(w.get("latest_end_utc"))
            edtf = bool(w["start_text"] or w["end_text"])
            if edtf:
                first = es.astimezone(zone).date().isoformat() if es else w["earliest_start"]
                if not first or not (ls or w["latest_start"]):
                    continue
            else:
                if not es or not ls:
                    continue
                if le and le - es <= dt.timedelta(days=7):
                    want[uid] = {"id": e["id"], "start": w["earliest_start_utc"], "end": w["latest_end_utc"] if le != es else None}
                    continue
                first = es.astimezone(zone).date().isoformat()
            end = (dt.date.fromisoformat(first) + dt.timedelta(days=1)).isoformat()
            want[uid] = {"id": e["id"], "start": first, "end": end}
        elif e["all_day"]:
            end = (dt.date.fromisoformat(e["end"]) + dt.timedelta(days=1)).isoformat()
            want[uid] = {"id": e["id"], "start": e["start"], "end": end}
        else:
            want[uid] = {"id": e["id"], "start": e["start_utc"], "end": e["end_utc"] if e["end_utc"] != e["start_utc"] else None}
    return want


# --- what no parser checks ---------------------------------------------------------------------------
def check_text(label, data):
    check(f"{label}: every line ends CRLF", data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"") and b"\r" not in data.replace(b"\r\n", b""))
    physical = data.split(b"\r\n")[:-1]
    long = [l for l in physical if len(l) > 75]
    check(f"{label}: lines of at most 75 octets", not long, repr(long[:3]))
    bad_utf8 = []
    for l in physical:
        try:
            l.decode("utf-8")
        except UnicodeDecodeError:
            bad_utf8.append(l)
    check(f"{label}: no fold inside a UTF-8 sequence", not bad_utf8, repr(bad_utf8[:3]))
    # A physical line followed by a continuation must not end in an escaping backslash.
    split_escapes = [a for a, b in zip(physical, physical[1:]) if b.startswith(b" ") and (len(a) - len(a.rstrip(b"\\"))) % 2 == 1]
    check(f"{label}: no fold between a backslash and what it escapes", not split_escapes, repr(split_escapes[:3]))
    text = data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
    lines = text.split("\r\n")
    tzids = set(re.findall(r";TZID=([^;:]+)[;:]", text))
    vtimezones = set(re.findall(r"^TZID:([^\r\n]*)", text, re.M))
    check(f"{label}: every TZID has a VTIMEZONE", tzids <= vtimezones, f"missing {sorted(tzids - vtimezones)}")
    check(f"{label}: no TZID=UTC", not any(t.upper() in ("UTC", "ETC/UTC", "Z", "GMT") for t in tzids | vtimezones))
    check(f"{label}: no unused VTIMEZONE", vtimezones <= tzids, f"unused {sorted(vtimezones - tzids)}")
    for prop in ("PRODID", "VERSION:2.0", "CALSCALE:GREGORIAN", "REFRESH-INTERVAL;VALUE=DURATION:", "X-PUBLISHED-TTL:", "NAME:", "X-WR-CALNAME:"):
        check(f"{label}: has {prop}", any(l.startswith(prop) for l in lines))
    # Each VTIMEZONE's first observance starts no later than the first event read in it.
    for tzid in tzids:
        block = re.search(r"BEGIN:VTIMEZONE\r\nTZID:" + re.escape(tzid) + r"\r\n(.*?)END:VTIMEZONE", text, re.S).group(1)
        first_onset = min(re.findall(r"^DTSTART:(\d{8}T\d{6})", block, re.M))
        uses = re.findall(r"^DT(?:START|END);TZID=" + re.escape(tzid) + r":(\d{8}T\d{6})", text, re.M)
        check(f"{label}: VTIMEZONE {tzid} starts by its first event", first_onset <= min(uses), f"{first_onset} > {min(uses)}")
    return lines


def check_injection(label, lines, parsed):
    """The hostile title of edges.yaml: one property, read back whole by every parser."""
    starts = [i for i, l in enumerate(lines) if l == "BEGIN:VEVENT"]
    title = "Evil\nDTSTART:19700101T000000Z\nX-INJECTED:yes; a, b: c"
    for i in starts:
        block = lines[i:lines.index("END:VEVENT", i)]
        if not any(l.startswith("SUMMARY:Evil") for l in block):
            continue
        check(f"{label}: hostile title adds no DTSTART", sum(l.startswith("DTSTART") for l in block) == 1, "\n".join(block))
        check(f"{label}: hostile title adds no property", not any(l.startswith("X-INJECTED") for l in lines))
        check(f"{label}: hostile notes open no component", sum(l.startswith("BEGIN:") for l in lines) == sum(l.startswith("END:") for l in lines)
              and not any(l == "BEGIN:VTODO" for l in lines))
        for name, events in parsed.items():
            summaries = [e["summary"] for e in events.values() if e["summary"].startswith("Evil")]
            check(f"{label}: {name} reads the hostile title whole", summaries == [title], repr(summaries))
        return
    check(f"{label}: the hostile event is exported", False)


def compare(label, want, parsed):
    for name, events in parsed.items():
        check(f"{label}: {name} reads every event once", set(events) == set(want),
              f"missing {[want[u]['id'] for u in set(want) - set(events)]}, unknown {sorted(set(events) - set(want))}")
        for uid, w in want.items():
            got = events.get(uid)
            if not got:
                continue
            check(f"{label}: {name} {w['id']} starts {w['start']}", got["start"] == w["start"], f"got {got['start']}")
            check(f"{label}: {name} {w['id']} ends {w['end']}", got["end"] == w["end"], f"got {got['end']}")


def export_checks(label, fixtures, calendar_id, found):
    out1 = os.path.join(WORK, f"{label}.ics")
    code, _, err = dipcal("--fixtures", fixtures, "export", "ics", "-o", out1)
    check(f"{label}: export ics -o exits 0", code == 0, err)
    code, stdout, err2 = dipcal("--fixtures", fixtures, "export", "ics")
    with open(out1, "rb") as f:
        data = f.read()
    check(f"{label}: two runs give identical bytes (file and stdout)", stdout == data)
    lines = check_text(label, data)
    want = expected_events(fixtures, calendar_id)
    parsed, all_notes = {}, []
    for name, command in found.items():
        parsed[name], notes = parse_with(name, command, out1)
        all_notes += [f"{name}: {n}" for n in notes]
    compare(label, want, parsed)
    if calendar_id == "ics-edges":
        check_injection(label, lines, parsed)
        check(f"{label}: the repeated local times are written in UTC", "DTSTART:20261101T053000Z" in lines and "DTSTART:20261101T063000Z" in lines)
        check(f"{label}: New York in July 2040 is EDT in every parser",
              all(e.get(str(uuid.uuid5(uuid.NAMESPACE_URL, "urn:dipcal:ics-edges:ny-summer-2040")), {}).get("start") == "2040-07-01T16:00:00Z"
                  for e in parsed.values()))
    for n in all_notes:
        print(n)
    # Round trip: export -> import -> export.
    fixture = os.path.join(WORK, f"{label}-imported.yaml")
    if os.path.exists(fixture):
        os.remove(fixture)
    code, _, err = dipcal("import", "ics", out1, "-o", fixture)
    check(f"{label}: import of the export exits 0", code == 0, err)
    code, _, err = dipcal("--fixtures", fixture, "check")
    check(f"{label}: the imported fixture passes check", code == 0, err)
    with open(fixture, encoding="utf-8") as f:
        first = f.readline()
    check(f"{label}: the imported fixture names the schema", first.startswith("# yaml-language-server: $schema="), first)
    code, again, err = dipcal("--fixtures", fixture, "export", "ics")
    check(f"{label}: export -> import -> export is byte-identical", code == 0 and again == data, err)
    code, _, err = dipcal("import", "ics", out1, "-o", fixture)
    check(f"{label}: import does not overwrite without --force", code == 2 and "--force" in err, err)
    code, _, err = dipcal("import", "ics", out1, "-o", fixture, "--force")
    check(f"{label}: import --force overwrites", code == 0, err)
    # A failed -o leaves what was there and no temporary file: here the target is a folder.
    folder = os.path.join(WORK, f"{label}-folder.ics")
    os.makedirs(folder, exist_ok=True)
    code, _, err = dipcal("--fixtures", fixtures, "export", "ics", "-o", folder)
    check(f"{label}: export -o onto a folder fails with exit 2", code == 2 and "cannot write" in err, err)
    check(f"{label}: the failed write leaves the folder and no temporary file",
          os.path.isdir(folder) and not [n for n in os.listdir(WORK) if ".tmp." in n], os.listdir(WORK))


# --- samples written by other tools ------------------------------------------------------------------
# Hand-computed: Seoul is UTC+9 (no DST since 1988); New York EST -5 / EDT -4, DST 2nd Sun Mar –
# 1st Sun Nov; Madrid CEST +2 in September. A repeated local time reads as its first occurrence and
# one in a gap with the offset before it (RFC 5545 section 3.3.5).
SAMPLES = {
    "outlook-korea.ics": (["--tz", "Asia/Seoul"], {
        "trade-talks-busan": ("2025-10-30T02:00:00Z", "2025-10-30T03:40:00Z"),          # 11:00–12:40 KST
        "apec-economic-leaders-meeting": ("2025-10-30T15:00:00Z", "2025-11-01T15:00:00Z"),  # 31 Oct–1 Nov, Seoul days
        "call-with-washington-truce-deadline": ("2025-11-10T05:01:00Z", "2025-11-10T05:31:00Z"),  # 00:01 EST
        "night-call-as-the-clocks-go-back": ("2026-11-01T05:30:00Z", "2026-11-01T07:30:00Z"),  # first 01:30 = EDT
        "booked-in-the-hour-that-does-not-exist": ("2026-03-08T07:30:00Z", "2026-03-08T08:00:00Z"),  # 02:30 read as EST
    }, 0),
    "google-trade-team.ics": (["--expand-from", "2025-11-01", "--expand-to", "2025-11-30"], {
        "leaders-meeting": ("2025-10-30T02:00:00Z", "2025-10-30T03:40:00Z"),
        "asean-summit": ("2025-10-25T15:00:00Z", "2025-10-28T15:00:00Z"),  # 26–28 Oct in X-WR-TIMEZONE Seoul
        "team-sync-20251104": ("2025-11-04T00:00:00Z", "2025-11-04T00:30:00Z"),
        "team-sync-20251111": ("2025-11-11T01:00:00Z", "2025-11-11T01:30:00Z"),  # the moved occurrence
        "team-sync-20251125": ("2025-11-25T00:00:00Z", "2025-11-25T00:30:00Z"),  # 18 Nov is an EXDATE
    }, 0),
    "evolution-prefixed.ics": (["--tz", "Europe/Madrid"], {
        "apec-leaders-meeting-day-1": ("2025-10-31T00:00:00Z", "2025-10-31T09:00:00Z"),
        "madrid-talks": ("2025-09-13T22:00:00Z", "2025-09-15T22:00:00Z"),
        "madrid-talks-first-session": ("2025-09-14T08:00:00Z", "2025-09-14T15:30:00Z"),  # DURATION PT7H30M
    }, 0),
    "floating.ics": (["--tz", "America/New_York"], {
        "tariff-truce-due-to-expire-local-time-no-zone-given": ("2025-11-10T05:01:00Z", None),
    }, 0),
}


def sample_checks():
    for name, (options, want, _) in SAMPLES.items():
        path = os.path.join(HERE, "samples", name)
        fixture = os.path.join(WORK, name + ".yaml")
        if os.path.exists(fixture):
            os.remove(fixture)
        global_options = [o for i, o in enumerate(options) if options[max(i - 1, 0)] == "--tz" or o == "--tz"]
        local_options = [o for o in options if o not in global_options]
        code, _, err = dipcal(*global_options, "import", "ics", path, "-o", fixture, *local_options)
        check(f"sample {name}: import exits 0", code == 0, err)
        code, out, err = dipcal("--fixtures", fixture, "check")
        check(f"sample {name}: the fixture passes check", code == 0, err)
        code, out, err = dipcal("--fixtures", fixture, "list", "--json")
        got = {e["id"]: (e["start_utc"], e["end_utc"] if e["end_utc"] != e["start_utc"] else None) for e in json.loads(out or b"[]")}
        check(f"sample {name}: the events imported", set(got) == set(want), f"got {sorted(got)}")
        for event_id, times in want.items():
            check(f"sample {name}: {event_id} at {times}", got.get(event_id) == times, f"got {got.get(event_id)}")
        # Round trip of what the import made.
        ics1 = os.path.join(WORK, name + ".1.ics")
        dipcal("--fixtures", fixture, "export", "ics", "-o", ics1)
        again = os.path.join(WORK, name + ".2.yaml")
        if os.path.exists(again):
            os.remove(again)
        code, _, err = dipcal("import", "ics", ics1, "-o", again)
        code2, ics2, err2 = dipcal("--fixtures", again, "export", "ics")
        with open(ics1, "rb") as f:
            check(f"sample {name}: import -> export -> import -> export is byte-identical", code == 0 and code2 == 0 and ics2 == f.read(), err + err2)

    # Left-out components are reported, and a lost event makes the exit code 1.
    code, _, err = dipcal("import", "ics", os.path.join(HERE, "samples", "floating.ics"))
    check("floating time without --tz: exit 1, says to give --tz", code == 1 and "floating time" in err and "--tz" in err, err)
    code, _, err = dipcal("import", "ics", os.path.join(HERE, "samples", "google-trade-team.ics"))
    check("RRULE without a range: exit 1, says to give --expand-from", code == 1 and "recurs" in err and "--expand-from" in err, err)
    code, _, err = dipcal("import", "ics", os.path.join(HERE, "samples", "outlook-korea.ics"))
    check("Outlook all-day event without --tz: exit 1, says to give --tz", code == 1 and "APEC Economic Leaders' Meeting" in err and "--tz" in err, err)
    code, _, err = dipcal("--tz", "Asia/Seoul", "import", "ics", os.path.join(HERE, "samples", "outlook-korea.ics"))
    check("Outlook: the VALARM and the properties without a place are reported", "VALARM" in err and "X-MICROSOFT-CDO-BUSYSTATUS" in err, err)
    code, _, err = dipcal("--tz", "Europe/Madrid", "import", "ics", os.path.join(HERE, "samples", "evolution-prefixed.ics"))
    check("Evolution: the VTODO is reported as left out", "VTODO" in err and "left out" in err, err)


def main():
    os.makedirs(WORK, exist_ok=True)
    found = parsers()
    for name in ("libical", "python3-icalendar", "python3-vobject", "ical.js"):
        check(f"parser {name} is available", name in found)
    export_checks("seed", os.path.join(ROOT, "fixtures"), "us-china-trade-2025", found)
    export_checks("edges", os.path.join(HERE, "fixtures", "edges.yaml"), "ics-edges", found)
    sample_checks()
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
