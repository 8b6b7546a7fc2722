#!/usr/bin/env python3
"""End-to-end tests of the dipcal binary on small fixtures.

Usage: test_cli.py DIPCAL REPO_ROOT

Expected values are worked out by hand from the offsets written beside each fixture event (and, for
the bundled seed, from the published schedule: Busan meeting 11:00 KST = 02:00 UTC = 22:00 EDT the
day before). Positions (line:col) are computed from the fixture text itself, not from dipcal.
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from dipcal_run import ENV, Tally, run as run_process  # noqa: E402

DIPCAL, ROOT = sys.argv[1], sys.argv[2]
FIX = os.path.join(ROOT, "tests", "cli", "fixtures")
tally = Tally()
check = tally.check


def run(*args, env_extra=None):
    return run_process([DIPCAL, *args], env={**ENV, **(env_extra or {})}, text=True)


def position(path, needle, occurrence=1):
    """1-based line:col of the n-th occurrence of needle in the file."""
    seen = 0
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            start = 0
            while (col := line.find(needle, start)) >= 0:
                seen += 1
                if seen == occurrence:
                    return f"{number}:{col + 1}"
                start = col + 1
    raise AssertionError(f"{needle!r} not in {path}")


basic = os.path.join(FIX, "basic", "basic.yaml")

# --- list --json: the contract keys, with instants worked out by hand ------------------------------
code, out, err = run("--fixtures", basic, "list", "--json")
check("list --json exits 0", code == 0, err)
events = json.loads(out) if code == 0 else []
want = [
    # Kiritimati is UTC+14: 2025-10-25T00:00+14 = 2025-10-24T10:00Z; midnight after 26 Oct = 2025-10-26T10:00Z.
    dict(id="line-islands-forum", zone="Pacific/Kiritimati", all_day=True, start="2025-10-25", end="2025-10-26",
         start_utc="2025-10-24T10:00:00Z", end_utc="2025-10-26T10:00:00Z"),
    # Seoul, UTC+9: 11:00 = 02:00Z; 100 minutes later 12:40 = 03:40Z. Zone from country KR (one zone).
    dict(id="seoul-meeting", zone="Asia/Seoul", all_day=False, start="2025-10-30T11:00:00", end="2025-10-30T12:40:00",
         start_utc="2025-10-30T02:00:00Z", end_utc="2025-10-30T03:40:00Z"),
    # The second 01:30 in New York on 2 Nov 2025 (EST, -05:00) = 06:30Z; 30 min later 02:00 EST = 07:00Z.
    dict(id="ny-night-call", zone="America/New_York", all_day=False, start="2025-11-02T01:30:00", end="2025-11-02T02:00:00",
         start_utc="2025-11-02T06:30:00Z", end_utc="2025-11-02T07:00:00Z"),
    # Undated: no start or end, listed last.
    dict(id="seoul-follow-up", zone="Asia/Seoul", all_day=True, start=None, end=None, start_utc=None, end_utc=None),
]
check("list --json has every event, chronologically", [e["id"] for e in events] == [w["id"] for w in want],
      [e.get("id") for e in events])
for got, w in zip(events, want):
    for key, value in w.items():
        check(f"list --json {w['id']}.{key}", got.get(key) == value, f"got {got.get(key)!r}, want {value!r}")
    check(f"list --json {w['id']} has title", isinstance(got.get("title"), str) and got["title"])

# --- filters ---------------------------------------------------------------------------------------
code, out, _ = run("--fixtures", basic, "list", "--json", "--tag", "trade")
check("--tag trade keeps the two trade events", [e["id"] for e in json.loads(out)] == ["seoul-meeting", "ny-night-call"], out)
# In New York, 29 Oct runs 04:00Z 29 Oct .. 04:00Z 30 Oct: the Seoul meeting (02:00Z 30 Oct) is on 29 Oct there.
code, out, _ = run("--fixtures", basic, "list", "--json", "--from", "2025-10-29", "--to", "2025-10-29", "--tz", "America/New_York")
ids = [e["id"] for e in json.loads(out)]
check("--from/--to read in --tz", "seoul-meeting" in ids and "ny-night-call" not in ids and "line-islands-forum" not in ids, ids)
code, out, _ = run("--fixtures", basic, "list", "--json", "--from", "2025-10-29", "--to", "2025-10-29", "--tz", "Asia/Seoul")
check("the same day in Seoul does not hold it", "seoul-meeting" not in [e["id"] for e in json.loads(out)], out)

# --- list text: own zone with abbreviation, and the start in --tz ---------------------------------
code, out, _ = run("--fixtures", basic, "list", "--tz", "America/New_York")
line = next((l for l in out.splitlines() if "seoul-meeting" in l), "")
check("list shows local time with abbreviation", "2025-10-30 11:00–12:40 KST" in line, line)
check("list shows the start in --tz", "2025-10-29 22:00 EDT" in line, line)
line = next((l for l in out.splitlines() if "ny-night-call" in l), "")
check("list shows EST after fall-back", "01:30–02:00 EST" in line and "2025-11-02 01:30 EST" in line, line)

# --- output zone: --tz, else TZ, else UTC; never the host's ---------------------------------------
code, out, _ = run("--fixtures", basic, "show", "seoul", env_extra={"TZ": "America/Los_Angeles"})
# 02:00Z on 30 Oct 2025 is 19:00 PDT on 29 Oct (Los Angeles is -07:00 until 2 Nov).
check("TZ picks the output zone", "Wed 29 Oct 2025 19:00 PDT" in out, out)
code, out, _ = run("--fixtures", basic, "show", "seoul", "--tz", "Asia/Kolkata", env_extra={"TZ": "America/Los_Angeles"})
check("--tz overrides TZ", "Thu 30 Oct 2025 07:30 IST" in out and "PDT" not in out, out)
code, out, err = run("--fixtures", basic, "show", "seoul", env_extra={"TZ": ""})
check("no TZ means UTC", "Thu 30 Oct 2025 02:00 UTC" in out, out + err)

# --- show ------------------------------------------------------------------------------------------
code, out, err = run("--fixtures", basic, "show", "seoul-m")
check("show by unique prefix", code == 0 and "seoul-meeting — Seoul meeting" in out, out + err)
code, out, err = run("--fixtures", basic, "show", "seoul")
check("an alias wins over a prefix", code == 0 and "seoul-meeting" in out, out + err)
code, out, err = run("--fixtures", basic, "show", "seoul-")
check("an ambiguous prefix lists the candidates", code == 2 and "seoul-meeting" in err and "seoul-follow-up" in err, err)
code, out, err = run("--fixtures", basic, "show", "seoul-meting")
check("an unknown event suggests names", code == 2 and "did you mean seoul-meeting" in err, err)
code, out, err = run("--fixtures", basic, "show", "ny-night-call", "--json")
j = json.loads(out) if code == 0 else {}
check("show --json has all fields", j.get("tags") == ["trade"] and j.get("location", {}).get("city") == "New York"
      and j.get("start_utc") == "2025-11-02T06:30:00Z" and j.get("kind") == "call", out + err)

# --- the bundled seed ------------------------------------------------------------------------------
code, out, err = run("check", env_extra={"DIPCAL_FIXTURES": ""})
check("check on the bundled fixtures exits 0", code == 0, out + err)
code, out, err = run("show", "busan", "--tz", "America/New_York")
check("busan: 11:00 KST = 22:00 EDT the day before = 02:00 UTC",
      "Thu 30 Oct 2025 11:00 KST = Wed 29 Oct 2025 22:00 EDT = Thu 30 Oct 2025 02:00 UTC" in out, out + err)

# --- bad fixtures: exit 1, file:line:col, a suggestion where one exists ----------------------------
bad = os.path.join(FIX, "bad")
cases = [
    ("misspelled-zone.yaml", "Asia/Seol", 1, "did you mean Asia/Seoul"),
    ("duplicate-id.yaml", "geneva-talks", 2, "duplicate event id 'geneva-talks'"),
    ("unknown-key.yaml", "locaton", 1, "did you mean location?"),
    ("dst-gap.yaml", "2025-03-09T02:30", 1, "DST gap"),
]
for file, needle, occurrence, text in cases:
    path = os.path.join(bad, file)
    code, out, err = run("check", path)
    where = f"{path}:{position(path, needle, occurrence)}:"
    check(f"{file} exits 1", code == 1, f"exit {code}\n{err}")
    check(f"{file} names {where}", where in err, err)
    check(f"{file} says {text!r}", text in err, err)

# --- temporal network: windows and conflicts ------------------------------------------------------
# The seed's follow-up round is "after busan-trump-xi, within 30 days": Busan ends 12:40 KST on 30 Oct
# = 03:40Z, so the round starts between 2025-10-30T03:40Z and 30 × 24 h later, 2025-11-29T03:40Z.
code, out, err = run("windows", "follow-up-round", "--json")
w = json.loads(out)[0] if code == 0 else {}
check("windows: the seed's undated round gets its window", w.get("earliest_start_utc") == "2025-10-30T03:40:00Z"
      and w.get("latest_start_utc") == "2025-11-29T03:40:00Z" and w.get("latest_end_utc") is None, out + err)
code, out, err = run("windows", "busan", "--json")
w = json.loads(out)[0] if code == 0 else {}
check("windows: a dated event's window is its dates", w.get("earliest_start_utc") == w.get("latest_start_utc") == "2025-10-30T02:00:00Z"
      and w.get("earliest_end_utc") == "2025-10-30T03:40:00Z", out + err)
code, out, err = run("list")
line = next((l for l in out.splitlines() if "follow-up-round" in l), "")
# In Asia/Shanghai (+08:00) 03:40Z is 11:40 the same day: the start days are 30 Oct and 29 Nov.
check("list shows the window, not a made-up date", "2025-10-30" in line and "2025-11-29" in line, line)
# until on a window answers with a range of days, never one made-up date: from Sun 26 Oct (now, 12:00
# in Kuala Lumpur = 12:00 in Shanghai) to a start between Thu 30 Oct and Sat 29 Nov: 4 to 34 days.
code, out, err = run("until", "follow-up-round", "--now", "2025-10-26T12:00+08:00", "--json")
j = json.loads(out) if code == 0 else {}
check("until a window gives a range", j.get("calendar_days") is None and j.get("calendar_days_min") == 4
      and j.get("calendar_days_max") == 34, out + err)
code, out, err = run("until", "follow-up-round", "--now", "2025-10-26T12:00+08:00")
check("until a window says so in words", "between 4 and 34 days" in out, out + err)
path = os.path.join(bad, "window-conflict.yaml")
code, out, err = run("check", path)
check("an inconsistent network exits 1", code == 1, err)
check("it says by how much", "6 days short" in err, err)
for needle in ("talks after opening", "talks before review", "review starts on"):
    check(f"the cycle names '{needle}'", needle in err, err)
check("the cycle gives each constraint's place", f"{path}:{position(path, '{type: after')}: talks after opening" in err, err)
path = os.path.join(bad, "bad-edtf.yaml")
code, out, err = run("check", path)
# The error points into the string, at the month: the column of "25" in "2026-25".
where = position(path, '25"')
check("a bad EDTF date exits 1 at file:line:col", code == 1 and f"{path}:{where}:" in err, err)

# --- usage and I/O errors: exit 2 ------------------------------------------------------------------
code, _, err = run("--fixtures", basic, "list", "--tz", "Asia/Seol")
check("a bad --tz exits 2 with a suggestion", code == 2 and "Asia/Seoul" in err, err)
code, _, err = run("check", os.path.join(FIX, "no-such-file.yaml"))
check("a missing path exits 2", code == 2, err)
code, _, err = run("--fixtures", basic, "list", "--from", "2025-02-30")
check("a bad --from exits 2", code == 2 and "2025-02-30" in err, err)
code, _, err = run("frobnicate")
check("an unknown command exits 2", code == 2, err)

# --- progress: on a terminal only -------------------------------------------------------------------
# script(1) (util-linux) gives dipcal a pseudo-terminal; the pipe of every other test here is the
# other case, where stderr must hold nothing but the answer's own lines.
seed = os.path.join(ROOT, "fixtures")
tty = subprocess.run(["script", "-qec", f"{DIPCAL} --no-cache --fixtures {seed} check", "/dev/null"], capture_output=True, text=True,
                     env={"PATH": "/usr/bin:/bin", "TZ": "UTC", "LC_ALL": "C.UTF-8", "TERM": "xterm"}, timeout=60)
check("a load shows its progress on a terminal", "loading fixtures:" in tty.stdout and "\x1b[K" in tty.stdout, repr(tty.stdout[:300]))
code, out, err = run("--no-cache", "--fixtures", seed, "check")
check("…and none in a pipe", code == 0 and "loading" not in err and "\x1b" not in err + out, err)

sys.exit(tally.finish())
