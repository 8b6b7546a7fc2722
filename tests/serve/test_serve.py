#!/usr/bin/python3
"""`dipcal serve` over HTTP, on a free loopback port, with the standard library's client.

Usage: test_serve.py DIPCAL REPO_ROOT WORK_DIR

The server reads a copy of the bundled fixtures in WORK_DIR, so edits never touch the repository.
Expected values come from elsewhere: bodies from `dipcal export ics` / `list --json` run on the same
files (the feed must be those bytes), Last-Modified from the fixture's `updated` values read here with
PyYAML, dates from email.utils, the VALARM from python3-icalendar, file access from strace.
The last line is "N passed, N failed".
"""
import datetime as dt
import email.utils
import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import icalendar
import yaml

from harness import Checks, Server, copy_seed, write_atomically

DIPCAL, ROOT, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
FIXTURES = os.path.join(WORK, "fixtures")
ENV = {"PATH": "/usr/bin:/bin", "TZ": "UTC", "LC_ALL": "C.UTF-8", "DIPCAL_FIXTURES": "",
       "DIPCAL_CACHE_DIR": os.path.join(WORK, "cache")}
check = Checks()


def dipcal(*args):
    p = subprocess.run([DIPCAL, "--fixtures", FIXTURES, *args], capture_output=True, env=ENV, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    return p.stdout


def newest_updated(tag):
    """The newest `updated` of the seed's events with `tag`, read from the YAML here."""
    with open(SEED, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    stamps = [e["updated"] for e in doc["events"] if tag in e.get("tags", []) and "updated" in e]
    stamps = [s if isinstance(s, dt.datetime) else dt.datetime.fromisoformat(str(s).replace("Z", "+00:00")) for s in stamps]
    newest = max(stamps)
    if newest.tzinfo is None:
        newest = newest.replace(tzinfo=dt.timezone.utc)
    return email.utils.format_datetime(newest.astimezone(dt.timezone.utc), usegmt=True)


SEED, ORIGINAL = copy_seed(ROOT, WORK)

FEED = "/calendar.ics?tag=trade-talks"
want_feed = dipcal("export", "ics", "--tag", "trade-talks", "--refresh", "PT1H")

# --- one server run ----------------------------------------------------------------------------------
server = Server(DIPCAL, FIXTURES, ENV)
check("the URL is on the loopback address", server.host == "127.0.0.1")
status, h, body = server.get(FEED)
check("GET /calendar.ics: 200", status == 200, status)
check("Content-Type is text/calendar; charset=utf-8", h.get("content-type") == "text/calendar; charset=utf-8", h.get("content-type"))
check("the feed is the bytes of `export ics --tag trade-talks --refresh PT1H`", body == want_feed,
      f"{len(body)} bytes against {len(want_feed)}")
check("the feed asks to be refreshed hourly", b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in body and b"\r\nX-PUBLISHED-TTL:PT1H\r\n" in body)
etag = h.get("etag", "")
check("a strong ETag", re.fullmatch(r'"[0-9a-f]{32}"', etag) is not None, etag)
check("Last-Modified is the newest `updated` of the selection", h.get("last-modified") == newest_updated("trade-talks"),
      f"{h.get('last-modified')} against {newest_updated('trade-talks')}")
check("CORS on the feed", h.get("access-control-allow-origin") == "*")
status2, h2, body2 = server.get(FEED)
check("the same ETag and bytes on a second request", h2.get("etag") == etag and body2 == body)
_, h3, body3 = server.get("/calendar.ics?tag=trade-talks&tag=trade-talks")
check("a repeated value is the same selection", h3.get("etag") == etag and body3 == body)
_, h4, _ = server.get("/calendar.ics?tag=asean")
check("another selection, another ETag", h4.get("etag") not in (None, etag))
_, h5, body5 = server.get("/calendar.ics?tag=asean&tag=trade-talks")
_, h6, body6 = server.get("/calendar.ics?tag=trade-talks&tag=asean")
check("parameters in any order: the same body and ETag", body5 == body6 and h5.get("etag") == h6.get("etag"))
check("tag=a&tag=b is `export ics --tag a --tag b`", body5 == dipcal("export", "ics", "--tag", "asean", "--tag", "trade-talks", "--refresh", "PT1H"))

sel = "/calendar.ics?actor=Li+Chenggang&status=held&from=2025-09-01&to=2025-10-31&tz=Asia%2FSeoul"
_, _, body7 = server.get(sel)
check("actor, status, from, to and tz select as the CLI does", body7 == dipcal(
    "--tz", "Asia/Seoul", "export", "ics", "--actor", "Li Chenggang", "--status", "held", "--from", "2025-09-01", "--to", "2025-10-31",
    "--refresh", "PT1H"))
_, _, body7j = server.get(sel.replace("/calendar.ics", "/events.json"))
check("/events.json is `list --json` of the same selection", body7j == dipcal(
    "--tz", "Asia/Seoul", "list", "--json", "--actor", "Li Chenggang", "--status", "held", "--from", "2025-09-01", "--to", "2025-10-31"))

_, _, body = server.get("/events.json")
check("/events.json of every event (an undated one with its window) is `list --json`", body == dipcal("list", "--json"))
status, h, body = server.get("/events/busan-trump-xi.json")
check("/events/ID.json is `show --json ID`", status == 200 and body == dipcal("show", "--json", "busan-trump-xi")
      and h.get("content-type") == "application/json", status)
status, _, body = server.get("/events/kl-trade-talks.json")
check("another event, another body", status == 200 and body == dipcal("show", "--json", "kl-trade-talks"), status)
# /until/ID.json is `until ID --json` with from= as --from; the counts were worked out by hand (the KL
# talks end on Sun 26 Oct; 11:00 KST on the 30th is the 30th in Seoul: 4 days).
status, h, body = server.get("/until/busan-trump-xi.json?from=kl-trade-talks")
check("/until/ID.json?from=EVENT is `until ID --from EVENT --json`: 4 days",
      status == 200 and body == dipcal("until", "busan-trump-xi", "--from", "kl-trade-talks", "--json")
      and json.loads(body)["calendar_days"] == 4 and h.get("content-type") == "application/json", status)
status, _, body = server.get("/until/busan-trump-xi.json?from=2025-10-26")
check("/until/ID.json?from=DATE: 30 - 26 = 4 days", status == 200 and json.loads(body)["calendar_days"] == 4, status)
status, _, body = server.get("/until/busan-trump-xi.json?from=2025-10-26&tz=America/New_York")
check("/until/ID.json?tz=ZONE counts in that zone: 22:00 EDT on the 29th, 29 - 26 = 3 days",
      status == 200 and json.loads(body)["calendar_days"] == 3 and json.loads(body)["zone"] == "America/New_York", status)
status, _, body = server.get("/until/no-such-event.json")
check("/until/ID.json of no event: 404", status == 404, status)
status, _, body = server.get("/events/no-such-event.json")
check("/events/ID.json of no event: 404", status == 404 and b"no-such-event" in body, status)

# Reminders: alarm=-P1D is `export ics --alarm -P1D`, read back by python3-icalendar.
status, _, body8 = server.get("/calendar.ics?tag=trade-talks&alarm=-P1D")
check("alarm=-P1D is `export ics --alarm -P1D`", status == 200 and body8 == dipcal("export", "ics", "--tag", "trade-talks", "--refresh", "PT1H",
                                                                                   "--alarm", "-P1D"))
cal = icalendar.Calendar.from_ical(body8)
events = [c for c in cal.walk("VEVENT")]
alarms_ok = bool(events)
for e in events:
    alarms = [a for a in e.walk("VALARM")]
    alarms_ok &= len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY" and str(alarms[0]["DESCRIPTION"]) == str(e["SUMMARY"]) \
        and alarms[0]["TRIGGER"].dt == dt.timedelta(days=-1)
check("every event has one DISPLAY alarm a day before, with its title", alarms_ok)

# Conditional requests.
status, h, body = server.get(FEED, If_None_Match=etag)
check("If-None-Match with the ETag: 304 without a body", status == 304 and body == b"" and h.get("etag") == etag, status)
status, _, _ = server.get(FEED, If_None_Match=f'"nope", W/{etag}')
check("If-None-Match matches weakly, in a list", status == 304, status)
status, _, _ = server.get(FEED, If_None_Match='"nope"')
check("If-None-Match with another tag: 200", status == 200, status)
later = email.utils.format_datetime(dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1), usegmt=True)
status, _, _ = server.get(FEED, If_Modified_Since=later)
check("If-Modified-Since after every change: 304", status == 304, status)
status, _, _ = server.get(FEED, If_None_Match='"nope"', If_Modified_Since=later)
check("If-None-Match takes precedence over If-Modified-Since", status == 200, status)
# The fixture was copied a moment ago, after its newest `updated`: a client that saw Last-Modified
# must not be told nothing changed, since the file it is made of did.
status, _, _ = server.get(FEED, If_Modified_Since=newest_updated("trade-talks"))
check("If-Modified-Since before the file was written: 200", status == 200, status)
status, _, _ = server.get(FEED, If_Modified_Since="not a date")
check("an invalid If-Modified-Since is ignored: 200", status == 200, status)

# HEAD, OPTIONS, gzip.
status, h, body = server.request("HEAD", FEED)
check("HEAD: 200, the GET's ETag and length, no body", status == 200 and h.get("etag") == etag and body == b""
      and h.get("content-length") == str(len(want_feed)), f"{status} {h}")
status, h, _ = server.request("OPTIONS", FEED, {"Origin": "https://viewer.example", "Access-Control-Request-Method": "GET"})
check("OPTIONS: 204 with the methods", status == 204 and "GET" in h.get("access-control-allow-methods", "")
      and h.get("access-control-allow-origin") == "*", f"{status} {h}")
status, h, body = server.get(FEED, Accept_Encoding="gzip")
check("gzip when asked: the same bytes compressed, under their own ETag",
      status == 200 and h.get("content-encoding") == "gzip" and gzip.decompress(body) == want_feed and h.get("etag") not in (None, etag)
      and "accept-encoding" in h.get("vary", "").lower(), f"{status} {h}")
status, h, _ = server.get(FEED, Accept_Encoding="gzip", If_None_Match=h.get("etag", ""))
check("the gzip ETag revalidates", status == 304, status)
status, h, body = server.get(FEED, Accept_Encoding="gzip;q=0")
check("gzip;q=0: not compressed", status == 200 and "content-encoding" not in h and body == want_feed)
_, h, _ = server.get("/events.json")
check("CORS on the JSON", h.get("access-control-allow-origin") == "*")

# Bad requests: a plain-text reason each.
for target, code, words in [
    ("/calendar.ics?colour=red", 400, "unknown parameter 'colour'"),
    ("/calendar.ics?from=2025-02-30", 400, "from '2025-02-30' is not a date"),
    ("/calendar.ics?status=postponed&status=Held", 400, "status 'Held' is not a status"),
    ("/calendar.ics?from=2025-10-01&from=2025-10-02", 400, "given twice"),
    ("/calendar.ics?tz=Mars%2FOlympus", 400, "tz 'Mars/Olympus' is not a zone"),
    ("/calendar.ics?alarm=P1Y", 400, "alarm 'P1Y'"),
    ("/feed.ics", 404, "no such resource"),
    ("/calendar.ics.bak", 404, "no such resource"),
]:
    status, h, body = server.get(target)
    check(f"{target}: {code} with a reason", status == code and h.get("content-type", "").startswith("text/plain") and words in body.decode(),
          f"{status} {body!r}")
status, h, body = server.request("POST", "/calendar.ics")
check("POST: 405 with Allow", status == 405 and "GET" in h.get("allow", ""), status)

# Limits: a request line, a header line, too many header fields; the server carries on after each.
check("a request line over 8 KiB: 414", server.raw(b"GET /calendar.ics?tag=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n") == 414)
check("a target over 4 KiB: 414", server.get("/calendar.ics?tag=" + "a" * 5000)[0] == 414)
check("a header line over 8 KiB: 400", server.raw(b"GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * 9000 + b"\r\n\r\n") == 400)
many = b"".join(b"X-H%d: v\r\n" % i for i in range(100))
check("100 header fields: 431", server.raw(b"GET / HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n") == 431)
check("still serving after them", server.get(FEED)[0] == 200)

# The page: the events, and links to subscribe to the feed it shows.
status, h, page = server.get("/?tag=trade-talks")
page = page.decode()
port = server.port
check("GET /: 200 HTML", status == 200 and h.get("content-type", "").startswith("text/html"), status)
check("the page links the webcal:// and http:// forms of its feed",
      f'href="webcal://127.0.0.1:{port}/calendar.ics?tag=trade-talks"' in page and f'href="http://127.0.0.1:{port}/calendar.ics?tag=trade-talks"' in page)
check("the page lists the selected events", "busan-trump-xi" not in page and "kl-trade-talks" in page)

# --- live: an edit, a broken edit, a mended one ----------------------------------------------------------
write_atomically(SEED, ORIGINAL.replace("start: 2025-10-25\n", "start: 2025-10-24\n", 1))
status, h, body = server.get(FEED)
check("after an edit: 200 with a new ETag", status == 200 and h.get("etag") not in (None, etag), h.get("etag"))
check("after an edit: the edited calendar's bytes", body == dipcal("export", "ics", "--tag", "trade-talks", "--refresh", "PT1H"))
status, _, _ = server.get(FEED, If_None_Match=etag)
check("the old ETag no longer answers 304", status == 200, status)
edited_etag, edited_body = h.get("etag"), body

broken = ORIGINAL.replace("start: 2025-10-30T11:00", "start: 2025-10-30T25:00", 1)
assert broken != ORIGINAL
write_atomically(SEED, broken)
status, h, body = server.get(FEED)
stale = h.get("x-dipcal-stale", "")
check("a broken edit: the last good calendar, same ETag", status == 200 and h.get("etag") == edited_etag and body == edited_body, status)
check("a broken edit: the response says so, with file:line:col", re.search(r"us-china-trade-2025\.yaml:\d+:\d+: error", stale) is not None, stale)
_, _, page = server.get("/")
check("a broken edit: the page says so", "The fixtures on disk have problems" in page.decode() and "25:00" in page.decode())
time.sleep(0.2)
check("a broken edit: the problem is logged at file:line:col",
      any(re.search(r"us-china-trade-2025\.yaml:\d+:\d+: error", l) for l in server.errors), "\n".join(server.errors[-5:]))
write_atomically(SEED, ORIGINAL)
status, h, body = server.get(FEED)
check("mended: the original calendar again, not stale", status == 200 and h.get("etag") == etag and "x-dipcal-stale" not in h)

# The access log: one line a request, method, target, status, bytes, milliseconds.
time.sleep(0.2)
log = [l for l in server.errors if re.fullmatch(r"(GET|HEAD|OPTIONS|POST) \S+ \d{3} \d+ ([\d.]+|-) ms", l)]
check("an access-log line per request", any(re.fullmatch(r"GET /calendar\.ics\?tag=trade-talks 200 %d [\d.]+ ms" % len(want_feed), l) for l in log)
      and any(l.startswith("GET /calendar.ics?tag=trade-talks 304 0 ") for l in log) and any(l.startswith("HEAD ") for l in log),
      "\n".join(server.errors[:10]))
code = server.stop(signal.SIGINT)
check("SIGINT stops it cleanly (exit 0)", code == 0 and "dipcal: stopped" in server.errors, code)

# --- a second run: the same ETag; SIGTERM -------------------------------------------------------------
server = Server(DIPCAL, FIXTURES, ENV)
_, h, _ = server.get(FEED)
check("a second server run gives the same ETag", h.get("etag") == etag, f"{h.get('etag')} against {etag}")
code = server.stop(signal.SIGTERM)
check("SIGTERM stops it cleanly (exit 0)", code == 0 and "dipcal: stopped" in server.errors, code)

# --- behind a proxy, traced: no file read for a traversal; links and SOURCE name the public address -------
# strace attaches to the running server (a server started under strace would outlive a stopped strace).
server = Server(DIPCAL, FIXTURES, ENV, "--base-url", "https://calendars.example.org/dipcal/")
tracer = None
if shutil.which("strace"):
    tracer = subprocess.Popen(["strace", "-f", "-p", str(server.proc.pid), "-e", "trace=open,openat,stat,newfstatat,statx",
                               "-o", os.path.join(WORK, "strace.log")], stderr=subprocess.PIPE, env=ENV)
    tracer.stderr.readline()  # "strace: Process N attached": from here on every call is seen
    time.sleep(0.2)
    write_atomically(SEED, ORIGINAL)  # the same text, saved again: the next request reads the fixture anew
for target in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/events/..%2F..%2F..%2Fetc%2Fpasswd.json", "/..%5c..%5cetc%5cpasswd",
               "/calendar.ics/../../etc/passwd", "//etc/passwd"]:
    status, _, body = server.request("GET", target)
    check(f"traversal {target}: refused", status in (400, 404) and b"root:" not in body, f"{status} {body[:80]!r}")
_, _, page = server.get("/?tag=trade-talks")
check("--base-url: the page links the public address",
      'href="webcal://calendars.example.org/dipcal/calendar.ics?tag=trade-talks"' in page.decode()
      and 'href="https://calendars.example.org/dipcal/calendar.ics?tag=trade-talks"' in page.decode())
_, _, body = server.get(FEED)
check("--base-url: SOURCE names the feed, as `export ics --source` writes it",
      body == dipcal("export", "ics", "--tag", "trade-talks", "--refresh", "PT1H", "--source",
                     "https://calendars.example.org/dipcal/calendar.ics?tag=trade-talks"))
if tracer:
    tracer.send_signal(signal.SIGINT)  # strace detaches and leaves the server running
    tracer.wait(timeout=10)
    with open(os.path.join(WORK, "strace.log"), encoding="utf-8", errors="replace") as f:
        calls = f.read()
    check("strace saw the edited fixture read", "us-china-trade-2025.yaml" in calls, calls[-500:])
    check("no traversal reached the file system", "passwd" not in calls, [l for l in calls.splitlines() if "passwd" in l][:3])
else:
    check("strace is installed (scripts/setup's test packages)", False)
check("the traced server stops cleanly too", server.stop() == 0)

server = Server(DIPCAL, FIXTURES, ENV, "--refresh", "P1D")
_, _, body = server.get(FEED)
check("--refresh P1D is written into the feed", body == dipcal("export", "ics", "--tag", "trade-talks", "--refresh", "P1D"))
server.stop()

# A server whose fixtures cannot be served does not start: 1 for problems, 2 for a path it cannot read.
write_atomically(SEED, broken)
p = subprocess.run([DIPCAL, "--fixtures", FIXTURES, "serve", "--port", "0"], capture_output=True, env=ENV, timeout=60)
check("fixtures with problems at start: exit 1, the problem at file:line:col", p.returncode == 1 and p.stdout == b""
      and re.search(rb"us-china-trade-2025\.yaml:\d+:\d+: error", p.stderr) is not None, p.returncode)
write_atomically(SEED, ORIGINAL)
p = subprocess.run([DIPCAL, "--fixtures", os.path.join(WORK, "no-such-folder"), "serve", "--port", "0"], capture_output=True, env=ENV, timeout=60)
check("a fixture path that does not exist: exit 2", p.returncode == 2 and p.stdout == b"", p.returncode)

check.finish()
