#!/usr/bin/python3
"""Real clients read `dipcal serve`'s feed.

Usage: test_clients.py DIPCAL REPO_ROOT WORK_DIR [LIBICAL_CHECK]

- vdirsyncer (its `http` storage into a `filesystem` storage) syncs /calendar.ics into a folder, and
  khal reads that folder: the Busan meeting at 11:00 in Asia/Seoul and at 22:00 the day before in
  America/New_York (worked out by hand: 11:00 KST is 02:00Z; New York keeps EDT, UTC−4, until
  2 Nov 2025, so 22:00 on the 29th). After an edit that moves that meeting, a second sync changes
  exactly its file. vdirsyncer's http storage replaces every UID with a hash of the item (it
  assumes feeds whose UIDs change between requests), so the file is found by X-DIPCAL-ID, and a
  changed event is one file removed and one written: every other file must stay byte for byte.
- The ICS readers of tests/ics (libical, python3-icalendar, python3-vobject, ical.js) read the served
  feed and the exported file at the same instants, each without an error.
Both tools run with a configuration, a status folder and a HOME of their own under WORK_DIR, never the
user's. The last line is "N passed, N failed".
"""
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
import uuid

from harness import Checks, Server, copy_seed, write_atomically

DIPCAL, ROOT, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
LIBICAL = sys.argv[4] if len(sys.argv) > 4 else ""
FIXTURES = os.path.join(WORK, "fixtures")
HOME = os.path.join(WORK, "home")
ICS = os.path.join(ROOT, "tests", "ics")
ENV = {"PATH": "/usr/bin:/bin", "TZ": "UTC", "LC_ALL": "C.UTF-8", "DIPCAL_FIXTURES": "", "DIPCAL_CACHE_DIR": os.path.join(WORK, "cache"),
       "HOME": HOME, "XDG_CONFIG_HOME": os.path.join(HOME, ".config"), "XDG_DATA_HOME": os.path.join(HOME, ".local", "share"),
       "XDG_CACHE_HOME": os.path.join(HOME, ".cache")}
check = Checks()


def run(args, stdin=None):
    p = subprocess.run(args, capture_output=True, env=ENV, timeout=300, input=stdin)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


SEED, ORIGINAL = copy_seed(ROOT, WORK)
for d in (HOME, os.path.join(WORK, "calendar")):
    os.makedirs(d)
CALENDAR_ID = re.search(r"^calendar:\n  id: (\S+)", ORIGINAL, re.M) or re.search(r"^calendar: \{id: ([^,}]+)", ORIGINAL, re.M)
BUSAN_UID = str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:dipcal:{CALENDAR_ID.group(1)}:busan-trump-xi"))

server = Server(DIPCAL, FIXTURES, ENV)
URL = f"http://{server.host}:{server.port}"

# --- vdirsyncer and khal -----------------------------------------------------------------------------
vconfig = os.path.join(WORK, "vdirsyncer.conf")
with open(vconfig, "w") as f:
    f.write(f"""[general]
status_path = "{WORK}/vdirsyncer-status/"

[pair feed]
a = "feed_remote"
b = "feed_local"
collections = null
conflict_resolution = "a wins"

[storage feed_remote]
type = "http"
url = "{URL}/calendar.ics"

[storage feed_local]
type = "filesystem"
path = "{WORK}/calendar/"
fileext = ".ics"
""")


def sync():
    code, out, err = run(["vdirsyncer", "-c", vconfig, "sync"])
    check("vdirsyncer sync exits 0", code == 0, out + err)


def folder():
    items = {}
    for name in sorted(os.listdir(os.path.join(WORK, "calendar"))):
        with open(os.path.join(WORK, "calendar", name), encoding="utf-8") as f:
            items[name] = f.read()
    return items


def khal_list(zone, first_day):
    kconfig = os.path.join(WORK, f"khal-{zone.replace('/', '-')}.conf")
    with open(kconfig, "w") as f:
        f.write(f"""[calendars]
[[feed]]
path = {WORK}/calendar/
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = {zone}
default_timezone = {zone}

[sqlite]
path = {WORK}/khal-{zone.replace('/', '-')}.db
""")
    code, out, err = run(["khal", "-c", kconfig, "list", "--format", "{start} {title}", first_day, "3d"])
    check(f"khal list in {zone} exits 0", code == 0, err)
    return out.splitlines()


code, out, err = run(["vdirsyncer", "-c", vconfig, "discover"], stdin=b"y\n" * 4)
check("vdirsyncer discover exits 0", code == 0, out + err)
sync()
before = folder()
def busan_files(items):
    return [n for n, text in items.items() if "\nX-DIPCAL-ID:busan-trump-xi\n" in text.replace("\r\n", "\n")]


busan_before = busan_files(before)
check("vdirsyncer wrote one file per event, Busan's among them", len(busan_before) == 1 and len(before) > 5, f"{len(before)} files, {busan_before}")
seoul = khal_list("Asia/Seoul", "2025-10-29")
check("khal in Asia/Seoul: Busan at 11:00 on 30 Oct", "2025-10-30 11:00 Trump–Xi meeting, Busan" in seoul, "\n".join(seoul))
new_york = khal_list("America/New_York", "2025-10-28")
check("khal in America/New_York: Busan at 22:00 on 29 Oct", "2025-10-29 22:00 Trump–Xi meeting, Busan" in new_york, "\n".join(new_york))

# Busan moves two hours later, the same day: only its own file may change.
moved = ORIGINAL.replace("start: 2025-10-30T11:00", "start: 2025-10-30T13:00", 1)
assert moved != ORIGINAL
write_atomically(SEED, moved)
sync()
after = folder()
changed = sorted(n for n in set(before) | set(after) if before.get(n) != after.get(n))
busan_after = busan_files(after)
check("a second sync changes exactly the moved event's file", len(busan_after) == 1 and changed == sorted(set(busan_before + busan_after))
      and len(before) == len(after), f"changed {changed}, Busan's {busan_before} then {busan_after}")
seoul = khal_list("Asia/Seoul", "2025-10-29")
check("khal after the move: Busan at 13:00 in Seoul", "2025-10-30 13:00 Trump–Xi meeting, Busan" in seoul, "\n".join(seoul))
os.replace(SEED, SEED + ".moved")
with open(SEED, "w", encoding="utf-8") as f:
    f.write(ORIGINAL)
os.remove(SEED + ".moved")

# --- the ICS readers of tests/ics: the feed and the file at the same instants ---------------------------
served = os.path.join(WORK, "served.ics")
with urllib.request.urlopen(f"{URL}/calendar.ics") as r, open(served, "wb") as f:
    f.write(r.read())
exported = os.path.join(WORK, "exported.ics")
code, _, err = run([DIPCAL, "--fixtures", FIXTURES, "export", "ics", "--refresh", "PT1H", "-o", exported])
check("export ics exits 0", code == 0, err)

readers = {"python3-icalendar": ["/usr/bin/python3", os.path.join(ICS, "parse_icalendar.py")],
           "python3-vobject": ["/usr/bin/python3", os.path.join(ICS, "parse_vobject.py")]}
if LIBICAL:
    readers["libical"] = [LIBICAL]
else:
    check("libical's checker was built (libical-dev)", False)
if shutil.which("node", path=ENV["PATH"]) and os.path.isdir(os.path.join(ICS, "node", "node_modules", "ical.js")):
    readers["ical.js"] = ["node", os.path.join(ICS, "node", "parse_icaljs.mjs")]
else:
    check("ical.js is installed (the ics_npm_ci test installs it)", False)


def read_with(name, command, path):
    code, out, err = run(command + [path])
    lines = out.splitlines()
    check(f"{name} reads {os.path.basename(path)} without error", code == 0 and lines and re.fullmatch(r"\d+ passed, 0 failed", lines[-1]),
          f"exit {code}; {lines[-1:] if lines else ''}\n{err[-2000:]}")
    return sorted(json.loads(line)["uid"] + " " + json.dumps(json.loads(line), sort_keys=True) for line in lines[:-1])


for name, command in readers.items():
    from_feed, from_file = read_with(name, command, served), read_with(name, command, exported)
    check(f"{name}: the feed's events at the file's instants", from_feed == from_file and len(from_feed) > 5,
          f"{len(from_feed)} against {len(from_file)}")
    busan = [json.loads(l.split(" ", 1)[1]) for l in from_feed if l.startswith(BUSAN_UID)]
    check(f"{name}: Busan from 02:00Z to 03:40Z", busan and busan[0]["start"] == "2025-10-30T02:00:00Z" and busan[0]["end"] == "2025-10-30T03:40:00Z",
          busan)

server.stop()
check.finish()
