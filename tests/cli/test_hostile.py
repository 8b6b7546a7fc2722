#!/usr/bin/env python3
"""Hostile and broken inputs (issue 7): each gets a clear message and exit code 1 or 2, never a crash
or a hang, and no output file is written. Harmless oddities (a byte-order mark, CRLF line ends) load.

Usage: test_hostile.py DIPCAL WORKDIR
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from dipcal_run import ENV, Tally, run as run_process  # noqa: E402

DIPCAL, WORK = sys.argv[1], sys.argv[2]
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
tally = Tally(detail_limit=2000)
check = tally.check


def write(name, data):
    path = os.path.join(WORK, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


def run(args, timeout=30, prefix=()):
    try:
        code, out, err = run_process([*prefix, DIPCAL, *args], timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", "", ""
    return code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


GOOD_EVENT = "  - id: {id}\n    title: Talks\n    start: 2025-10-25\n    location: {{zone: Asia/Kuala_Lumpur}}\n"


def bad(name, data, expect_in_err, code=1, located=True, extra=()):
    """A fixture that must be refused: exit `code`, the message, file:line:col, and no -o output."""
    path = write(name, data)
    rc, out, err = run(["check", *extra, path])
    check(f"{name}: exit {code}", rc == code, f"exit {rc}\n{err}")
    check(f"{name}: says {expect_in_err!r}", expect_in_err in err, err)
    if located:
        check(f"{name}: names file:line:col", f"{path}:" in err and any(ch.isdigit() for ch in err.split(path + ":", 1)[-1][:3]), err)
    target = os.path.join(WORK, name + ".ics")
    rc, _, err = run(["--fixtures", path, *extra, "export", "ics", "-o", target])
    check(f"{name}: export -o writes nothing", rc in (1, 2) and not os.path.exists(target), f"exit {rc}\n{err}")


# --- YAML bombs and the parser's limits ------------------------------------------------------------
laughs = ["events:", "  - id: lol", "    title: &a lol", "    location: {zone: UTC}"]
laughs += [f'x{i}: &l{i} [' + ", ".join([f"*l{i-1}" if i > 1 else "*a"] * 9) + "]" for i in range(1, 10)]
bad("billion-laughs.yaml", "\n".join(laughs) + "\n", "anchors and aliases are not allowed")
bad("deep-flow.yaml", "events: " + "[" * 100_000 + "]" * 100_000 + "\n", "nesting deeper than")
bad("deep-block.yaml", "events:\n" + "".join(" " * i + "- \n" for i in range(1, 3000)), "nesting deeper than")
bad("big-scalar.yaml", "events:\n  - id: big\n    title: " + "x" * (50 * 1024 * 1024) + "\n    start: 2025-10-25\n    location: {zone: UTC}\n",
    "over the limit")
bad("stray-comma.yaml", ",\n", "YAML syntax error")

# --- bytes that are not text -----------------------------------------------------------------------
bad("invalid-utf8.yaml", b"events:\n  - id: a\n    title: caf\xe9\n", "not UTF-8")
bad("nul-byte.yaml", b"events:\n  - id: a\x00\n", "NUL byte")
bad("tabs.yaml", "events:\n\t- id: a\n\t  title: Tabs\n", "YAML syntax error")

# --- keys, ids, dates, zones -----------------------------------------------------------------------
bad("duplicate-key.yaml", "events:\n" + GOOD_EVENT.format(id="a").replace("    title: Talks\n", "    title: Talks\n    title: Again\n"), "duplicate key 'title'")
for label, bad_id in [("slash", "a/b"), ("dotdot", ".."), ("space", "a b")]:
    bad(f"id-{label}.yaml", "events:\n" + GOOD_EVENT.format(id=f'"{bad_id}"'), "is not a valid slug")
for label, start, text in [("feb30", "2025-02-30", "no such day"), ("2400", "2025-10-25T24:00", "is not a date-time"),
                           ("year0", '"0000-01-01"', "year outside"), ("year99999", '"99999-01-01"', "not a date")]:
    bad(f"date-{label}.yaml", f"events:\n  - id: a\n    title: T\n    start: {start}\n    location: {{zone: UTC}}\n", text)
bad("zone-traversal.yaml", "events:\n  - id: a\n    title: T\n    start: 2025-10-25\n    location: {zone: ../../etc/passwd}\n",
    "unknown zone '../../etc/passwd'")
bad("empty.yaml", "", "the file is empty")
bad("two-documents.yaml", "events: []\n---\nevents: []\n", "a second YAML document")
bad("too-many-events.yaml", "events:\n" + "".join(GOOD_EVENT.format(id=f"e{i}") for i in range(5)), "more than 3 events",
    extra=("--max-events", "3"))
bad("too-big.yaml", "events:\n" + GOOD_EVENT.format(id="a"), "over the limit of 10", extra=("--max-bytes", "10"))

# If strace is here, prove the zone name never reached the file system.
if shutil.which("strace"):
    path = os.path.join(WORK, "zone-traversal.yaml")
    p = subprocess.run(["strace", "-f", "-e", "trace=open,openat", DIPCAL, "check", path], capture_output=True, env=ENV, timeout=60)
    calls = [l for l in p.stderr.decode().splitlines() if l.lstrip("[pid 0123456789]").startswith(("open(", "openat("))]
    check("strace saw the zone database opened", any("zoneinfo" in l for l in calls), "\n".join(calls))
    check("../../etc/passwd is never opened", not any("passwd" in l for l in calls), "\n".join(calls))

# --- what must still load --------------------------------------------------------------------------
good = "events:\n" + GOOD_EVENT.format(id="a")
for name, data in [("bom.yaml", b"\xef\xbb\xbf" + good.encode()), ("crlf.yaml", good.replace("\n", "\r\n").encode())]:
    path = write(name, data)
    rc, out, err = run(["check", path])
    check(f"{name} loads", rc == 0, f"exit {rc}\n{err}")
path = write("crlf-bad.yaml", "events:\r\n  - id: a\r\n    titel: T\r\n")
rc, out, err = run(["check", path])
check("CRLF keeps positions right", f"{path}:3:5:" in err, err)

# --- file system: unreadable files, a symlink loop -------------------------------------------------
path = write("unreadable.yaml", good)
os.chmod(path, 0)
drop = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups") if os.getuid() == 0 and shutil.which("setpriv") else ()
if os.getuid() == 0:
    os.chmod(WORK, 0o755)
rc, out, err = run(["check", path], prefix=drop)
check("an unreadable file exits 2", rc == 2 and "cannot read" in err, f"exit {rc}\n{err}")
loop = os.path.join(WORK, "loop")
os.makedirs(os.path.join(loop, "inner"))
with open(os.path.join(loop, "inner", "ok.yaml"), "w") as f:
    f.write(good)
os.symlink("..", os.path.join(loop, "inner", "up"))
os.symlink(loop, os.path.join(loop, "self"))
rc, out, err = run(["check", loop], timeout=20)
check("a folder with symlink loops loads once, without hanging", rc == 0 and "1 event in 1 file" in out, f"exit {rc}\n{out}{err}")

# --- atomic -o: an interrupted export leaves the previous file or the complete new one -------------
gen = os.path.join(WORK, "gen")
rc, _, err = run(["generate", "--events", "30000", "--seed", "3", "-o", gen])
check("generate for the interruption test", rc == 0, err)
target = os.path.join(WORK, "cal.ics")
with open(target, "w") as f:
    f.write("previous contents\n")
full = os.path.join(WORK, "full.ics")
run(["--fixtures", gen, "export", "ics", "-o", full], timeout=120)
complete = open(full, "rb").read()
outcomes = set()
for delay in (0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.5):
    with open(target, "w") as f:
        f.write("previous contents\n")
    p = subprocess.Popen([DIPCAL, "--fixtures", gen, "export", "ics", "-o", target], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    p.send_signal(signal.SIGINT if delay < 0.5 else signal.SIGTERM)
    p.wait(timeout=120)
    now = open(target, "rb").read()
    outcomes.add("old" if now == b"previous contents\n" else "new" if now == complete else "torn")
    leftovers = [n for n in os.listdir(WORK) if ".tmp." in n]
    check(f"interrupted after {delay}s: no temporary file left", not leftovers, str(leftovers))
check("interrupted exports leave the old file or the whole new one, never part", "torn" not in outcomes, str(outcomes))

# --- standard output that cannot take the answer: an I/O error, never a quiet exit 0 ----------------
if os.path.exists("/dev/full"):
    seed = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures")
    for args in (["list"], ["export", "ics"], ["export", "svg", "--now", "2025-10-26T00:00Z"], ["windows", "--json"], ["order", "--json"]):
        with open("/dev/full", "wb") as full:
            p = subprocess.run([DIPCAL, "--fixtures", seed, "--no-cache", *args], stdout=full, stderr=subprocess.PIPE, env=ENV, timeout=60)
        err = p.stderr.decode("utf-8", "replace")
        check(f"{' '.join(args)} > /dev/full: exit 2 and says so", p.returncode == 2 and "cannot write" in err and "standard output" in err,
              f"exit {p.returncode}\n{err}")

# --- control characters, quotes and markup in a source reach the timeline's script intact ---------
# The SVG carries each event's sources as JSON inside an XML attribute: read back with a real XML
# parser and a real JSON parser, every character is the one the fixture's YAML escapes stand for.
folder = os.path.join(WORK, "sources")
os.makedirs(folder)
with open(os.path.join(folder, "a.yaml"), "w", encoding="utf-8") as f:
    f.write('events:\n  - id: a\n    title: A\n    start: 2025-10-26T10:00\n    location: {zone: Asia/Seoul}\n'
            '    sources:\n      - outlet: "q \\" b \\\\ t \\t n \\n r \\r bell \\a bs \\b ff \\f \\u00e9 \\u5317 \\u2028 </g>"\n'
            '        url: https://example.com/a?b=1&c=<2>\n        published: 2025-10-26\n')
code, out, err = run(["--fixtures", folder, "--no-cache", "export", "svg", "--now", "2025-10-26T00:00Z"])
check("export svg of a fixture with a hostile source", code == 0, f"exit {code}\n{err}")
if code == 0:
    event = ElementTree.fromstring(out).find(".//{http://www.w3.org/2000/svg}g[@data-id='a']")
    sources = json.loads(event.get("data-sources")) if event is not None else None
    want = [{"outlet": 'q " b \\ t \t n \n r \r bell \a bs \b ff \f \u00e9 \u5317 \u2028 </g>',
             "url": "https://example.com/a?b=1&c=<2>", "published": "2025-10-26"}]
    check("the source's outlet, URL and date read back exactly from data-sources", sources == want, f"{sources!r}\n{want!r}")

# --- dipcal serve without the dipcal-serve it runs -------------------------------------------------
lone = os.path.join(WORK, "lone")
os.makedirs(lone)
shutil.copy(DIPCAL, lone)
seed = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures")
code, out, err = run_process([os.path.join(lone, os.path.basename(DIPCAL)), "--fixtures", seed, "serve", "--port", "0"], timeout=30)
err = err.decode("utf-8", "replace")
check("serve with no dipcal-serve beside dipcal: exit 2, naming what is missing and where",
      code == 2 and os.path.join(lone, "dipcal-serve") in err and "No such file" in err, f"exit {code}\n{err}")

sys.exit(tally.finish())
