#!/usr/bin/python3
"""dipcal draft on the articles of tests/draft/articles, against their hand-checked expectations.

For each ARTICLE.txt with an ARTICLE.expected.yaml:
  - `dipcal draft ARTICLE.txt [--against fixtures/] -o OUT` exits 0 and writes a fixture;
  - every expected event is there (its title holds the expected words) with the expected start
    and end, or undated where the text gives no date;
  - every expected relation is there, from and to the events named (a title's words, or an id of
    the bundled fixtures), with its gap's upper bound where one is stated;
  - no event is dated that the expectation does not date (nothing invented);
  - `dipcal check [fixtures/] OUT` passes.
And the issue's cases: the seed retold gives `until busan --from <drafted consensus>` = 4 days; a
report with no dates gives an empty fixture, a warning and exit 0; non-UTF-8 input exits 2 with a
clear message; an existing output is not replaced without --force.

usage: test_articles.py DIPCAL REPO
"""
import pathlib
import subprocess
import sys
import tempfile

import yaml

DIPCAL, REPO = sys.argv[1], pathlib.Path(sys.argv[2])
ARTICLES = REPO / "tests" / "draft" / "articles"
FIXTURES = REPO / "fixtures"
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def run(*args):
    return subprocess.run([DIPCAL, *map(str, args)], capture_output=True, text=True)


def words_in(title, words):
    t = title.lower().replace("-", "–")
    return all(w in t for w in words.lower().replace("-", "–").split())


def start_of(e):
    s = e.get("start")
    return None if s is None else str(s)


def find(events, words):
    return [e for e in events if words_in(e["title"], words)]


tmp = pathlib.Path(tempfile.mkdtemp(prefix="dipcal-draft-"))
for expected_path in sorted(ARTICLES.glob("*.expected.yaml")):
    name = expected_path.name[: -len(".expected.yaml")]
    article = ARTICLES / f"{name}.txt"
    expected = yaml.safe_load(expected_path.read_text())
    out = tmp / f"{name}.yaml"
    args = ["draft", article, "-o", out]
    if expected.get("against"):
        args += ["--against", FIXTURES]
    r = run(*args)
    if r.returncode != 0:
        fail(f"{name}: dipcal draft exited {r.returncode}: {r.stderr.strip()}")
        continue
    drafted = yaml.safe_load(out.read_text())["events"] or []
    ids = {e["id"]: e for e in drafted}
    matched = set()
    for want in expected.get("events", []):
        candidates = find(drafted, want["title"])
        if not candidates:
            fail(f"{name}: no drafted event titled like '{want['title']}' (drafted: {[e['title'] for e in drafted]})")
            continue
        ok = False
        for e in candidates:
            if want.get("undated"):
                ok = e.get("start") is None
            else:
                start = start_of(e) or ""
                ok = start.startswith(str(want["start"])) and (
                    "end" not in want or str(e.get("end", "")) == str(want["end"]))
            if ok:
                matched.add(e["id"])
                break
        if not ok:
            got = [(e["title"], start_of(e), e.get("end")) for e in candidates]
            fail(f"{name}: '{want['title']}' expected {'undated' if want.get('undated') else (want.get('start'), want.get('end'))}, drafted {got}")
    for e in drafted:
        if e.get("start") is not None and e["id"] not in matched:
            fail(f"{name}: '{e['title']}' is dated {e['start']} but the expectation dates no such event")

    def resolve(words):
        if not expected.get("against") or words in ids:
            hits = find(drafted, words)
            return {e["id"] for e in hits}
        return {words} | {e["id"] for e in find(drafted, words)}

    for rel in expected.get("relations", []):
        sources = find(drafted, rel["from"])
        targets = resolve(rel["to"])
        found = False
        for s in sources:
            for r in s.get("relations", []) or []:
                if r["type"] == rel["type"] and r["event"] in targets:
                    gap = r.get("gap") or {}
                    if "gap_max" in rel and str(gap.get("max")) != rel["gap_max"]:
                        continue
                    found = True
        if not found:
            fail(f"{name}: no relation {rel['from']} --{rel['type']}--> {rel['to']}"
                 f" (drafted: {[(s['id'], s.get('relations')) for s in sources]})")
    check_args = ["check", FIXTURES, out] if expected.get("against") else ["check", out]
    c = run(*check_args)
    if c.returncode != 0:
        fail(f"{name}: dipcal check failed: {c.stdout}{c.stderr}")
    print(f"{name}: {len(drafted)} events drafted, checked")

# The seed retold: until busan from the drafted consensus is 4 days.
seed = tmp / "seed-kuala-lumpur.yaml"
if seed.exists():
    consensus = [e["id"] for e in yaml.safe_load(seed.read_text())["events"] if "consensus" in e["title"].lower()]
    if not consensus:
        fail("seed: no drafted consensus")
    else:
        r = run("--fixtures", FIXTURES, "--fixtures", seed, "until", "busan", "--from", consensus[0])
        if r.returncode != 0 or " is 4 days after " not in r.stdout:
            fail(f"seed: until busan --from {consensus[0]} did not give 4 days: {r.stdout}{r.stderr}")
        else:
            print("seed: " + r.stdout.strip())

# A report with no dates: an empty fixture and a warning, exit 0.
empty = tmp / "no-dates.yaml"
r = run("draft", ARTICLES / "no-dates.txt", "--published", "2025-11-01", "-o", empty)
if r.returncode != 0 or "warning" not in r.stderr or "no date" not in r.stderr:
    fail(f"no-dates: expected exit 0 and a warning, got {r.returncode}: {r.stderr}")
elif yaml.safe_load(empty.read_text())["events"] not in ([], None):
    fail("no-dates: the fixture is not empty")
elif run("check", empty).returncode != 0:
    fail("no-dates: the empty fixture does not pass check")

# Not UTF-8: refused, exit 2, with the file, line and column.
latin1 = tmp / "latin1.txt"
latin1.write_bytes("Talks in Bogot\xe1\nOct 26, 2025\n\nBOGOTA (Wire) - Ministers met on Sunday.\n".encode("latin-1"))
r = run("draft", latin1)
if r.returncode != 2 or "not UTF-8" not in r.stderr or "latin1.txt:1:" not in r.stderr:
    fail(f"latin-1: expected exit 2 and a located 'not UTF-8' message, got {r.returncode}: {r.stderr}")

# No head at all: --published and --place (a city, through the places table) stand in for them.
bare = tmp / "bare.txt"
bare.write_text("Trump and Xi will meet at 11 a.m. local time on Thursday.\n")
out = tmp / "bare.yaml"
r = run("draft", bare, "--published", "2025-10-29", "--place", "Busan", "--outlet", "Test Wire", "-o", out)
events = yaml.safe_load(out.read_text())["events"] if r.returncode == 0 else []
# Wed 29 Oct 2025; the coming Thursday is 30 Oct; Busan is in Asia/Seoul.
if len(events) != 1 or str(events[0].get("start")) != "2025-10-30T11:00" or events[0]["location"]["zone"] != "Asia/Seoul" \
        or events[0]["sources"][0]["outlet"] != "Test Wire":
    fail(f"--place Busan: expected one event at 2025-10-30T11:00 in Asia/Seoul from Test Wire, got {r.returncode} {events} {r.stderr}")

# An existing output is kept without --force.
r = run("draft", ARTICLES / "g20-johannesburg.txt", "-o", tmp / "g20-johannesburg.yaml")
if r.returncode != 2 or "--force" not in r.stderr:
    fail(f"overwrite: expected a refusal naming --force, got {r.returncode}: {r.stderr}")

n = len(list(ARTICLES.glob("*.expected.yaml")))
print(f"{n} articles; {len(failures)} failures")
sys.exit(1 if failures else 0)
