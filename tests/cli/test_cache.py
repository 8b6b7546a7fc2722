#!/usr/bin/env python3
"""The transparent cache never changes an answer: every command, run with the cache (storing, then
reading back) and with --no-cache, prints the same bytes and exits the same way; any change to the
fixtures is seen; runs that race on an empty cache all answer right and leave one whole entry.

Usage: test_cache.py DIPCAL WORK_DIR REPO_ROOT

The expected output of each command is the uncached run's: the other tests check those answers
against values worked out by hand; this one checks that the cache cannot make them differ.
"""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from dipcal_run import ENV, Tally, run as run_process  # noqa: E402

DIPCAL, WORK, ROOT = sys.argv[1], sys.argv[2], sys.argv[3]
tally = Tally()
check = tally.check

shutil.rmtree(WORK, ignore_errors=True)
FIX = os.path.join(WORK, "fixtures")
CACHE = os.path.join(WORK, "cache")
os.makedirs(FIX)
shutil.copy(os.path.join(ROOT, "fixtures", "us-china-trade-2025.yaml"), FIX)
subprocess.run([DIPCAL, "generate", "--events", "3000", "--seed", "5", "-o", os.path.join(FIX, "generated")], check=True,
               capture_output=True)
OUT = os.path.join(WORK, "out")
os.makedirs(OUT)


def run(*args, cache=True, cache_dir=CACHE):
    cmd = [DIPCAL, "--fixtures", FIX, *([] if cache else ["--no-cache"]), *args]
    return run_process(cmd, env={**ENV, "DIPCAL_CACHE_DIR": cache_dir}, timeout=120)


def entries():
    if not os.path.isdir(CACHE):
        return []
    return sorted(f for f in os.listdir(CACHE) if f.endswith(".entry"))


NOW = ["--now", "2025-10-26T12:00+08:00"]
COMMANDS = [
    ["check"],
    ["list", "--json"],
    ["list", "--from", "2025-10-20", "--to", "2025-11-05", "--tz", "Asia/Seoul"],
    ["show", "busan", "--tz", "America/New_York"],
    ["until", "busan-trump-xi", "--from", "kl-trade-talks", "--json"],
    ["until", "busan-trump-xi", *NOW],
    ["between", "kl-trade-talks", "busan-trump-xi"],
    ["order", "--json"],
    ["path", "kl-trade-talks", "busan-trump-xi"],
    ["agenda", "--on", "2025-10-30", "--tz", "Asia/Seoul"],
    ["graph"],
    ["windows", "--json"],
    ["export", "ics"],
    ["export", "svg", *NOW],
    ["export", "html", *NOW],
    # Questions a warm run answers from its part of the entry, about generated events and days.
    ["show", "e1500"],
    ["show", "e2998", "--json"],
    ["until", "e2500", "--from", "e1200", "--json"],
    ["until", "e2500", "--from", "2024-01-01"],
    ["until", "e299", "--from", "e1200"],  # eleven events begin so: a usage error listing them
    ["windows", "e1200", "e2998", "--tz", "Pacific/Kiritimati"],
    ["agenda", "--from", "2024-03-01", "--to", "2024-03-09", "--tz", "Pacific/Kiritimati"],
    ["agenda", "--on", "2025-06-10", "--json", "--tz", "America/Los_Angeles"],
    ["list", "--from", "2024-03-01", "--to", "2024-03-02", "--tz", "Asia/Kolkata"],
    ["list", "--from", "2024-03-01", "--to", "2024-03-02", "--actor", "nobody"],
    # Names nothing answers to: a warm run suggests, from its part of the entry, what the whole calendar would.
    ["show", "busn-trump-xi"],
    ["until", "e2500-securty", "--from", "e1200"],
    ["between", "kl-trad-talks", "busan"],
    ["windows", "zzzz-nothing"],
]
# The commands that end in a usage error (exit 2), and what it says.
USAGE_ERRORS = {"until e299 --from e1200": b"could be", "show busn-trump-xi": b"did you mean busan-trump-xi?",
                "until e2500-securty --from e1200": b"did you mean", "between kl-trad-talks busan": b"did you mean kl-trade-talks?",
                "windows zzzz-nothing": b"no event named 'zzzz-nothing'"}

# --- every command: uncached, then cached storing, then cached reading back ----------------------
shutil.rmtree(CACHE, ignore_errors=True)
for args in COMMANDS:
    name = " ".join(args)
    plain = run(*args, cache=False)
    error = USAGE_ERRORS.get(name)
    check(f"{name}: runs", plain[0] == 2 and error in plain[2] if error else plain[0] in (0, 1),
          plain[2].decode(errors="replace")[-2000:])
    stored = run(*args)
    warm = run(*args)
    check(f"{name}: same answer while storing the cache", stored == plain,
          f"--no-cache rc={plain[0]} cached rc={stored[0]}\n{stored[2].decode(errors='replace')[-1000:]}")
    check(f"{name}: same answer from the cache", warm == plain,
          f"--no-cache rc={plain[0]} cached rc={warm[0]}\n{warm[2].decode(errors='replace')[-1000:]}")
check("one entry for one fixture set", len(entries()) == 1, str(entries()))
check("--no-cache writes nothing", not os.path.exists(os.path.join(WORK, "never")) and
      run("list", cache=False, cache_dir=os.path.join(WORK, "never"))[0] == 0 and not os.path.exists(os.path.join(WORK, "never")))

# --- a warm run reads the entry and leaves it as it was ---------------------------------------------
entry = os.path.join(CACHE, entries()[0])
before = os.stat(entry)
run("list")
after = os.stat(entry)
check("a hit does not rewrite the entry", (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns))

# --- any change to the fixtures is seen --------------------------------------------------------------
seed = os.path.join(FIX, "us-china-trade-2025.yaml")
text = open(seed, encoding="utf-8").read()
old_show = run("show", "busan", "--tz", "UTC")
assert "start: 2025-10-30T11:00" in text, "the seed's Busan start moved; update this test"
open(seed, "w", encoding="utf-8").write(text.replace("start: 2025-10-30T11:00", "start: 2025-10-30T12:00", 1))
new_show = run("show", "busan", "--tz", "UTC")
check("a changed time is seen through the cache", new_show == run("show", "busan", "--tz", "UTC", cache=False) and
      new_show != old_show and b"03:00" in new_show[1], new_show[1].decode()[:800])
check("the old entry is replaced, not kept beside", len(entries()) == 1, str(entries()))

# A change that keeps the file's size and puts its modification time back is seen too (its change
# time moved, and a file written within a second of being read is compared by its bytes).
run("show", "busan", "--tz", "UTC")
stat = os.stat(seed)
time.sleep(1.2)
open(seed, "w", encoding="utf-8").write(text.replace("start: 2025-10-30T11:00", "start: 2025-10-30T13:00", 1))
os.utime(seed, ns=(stat.st_atime_ns, stat.st_mtime_ns))
hidden = run("show", "busan", "--tz", "UTC")
check("a same-size change with its old modification time is seen", hidden == run("show", "busan", "--tz", "UTC", cache=False) and
      b"04:00" in hidden[1], hidden[1].decode()[:800])
open(seed, "w", encoding="utf-8").write(text)

# A problem written into a fixture is reported the same from the cache (exit 1, same lines).
open(seed, "w", encoding="utf-8").write(text.replace("zone: Asia/Seoul", "zone: Asia/Seol", 1))
plain = run("check", cache=False)
cached = [run("check"), run("check")]
check("problems come back from the cache as parsed", plain[0] == 1 and cached[0] == plain and cached[1] == plain,
      plain[2].decode()[:800] + "\n---\n" + cached[1][2].decode()[:800])
check("…with their place in the file", b"us-china-trade-2025.yaml:" in cached[1][2] and b"Asia/Seol" in cached[1][2])
open(seed, "w", encoding="utf-8").write(text)

# A file added to a fixture folder is a change too.
shutil.copy(seed, os.path.join(FIX, "generated", "copy.yaml"))
dup = run("check")
check("an added file is seen", dup[0] == 1 and dup == run("check", cache=False) and b"duplicate event id" in dup[2],
      dup[2].decode()[:600])
os.remove(os.path.join(FIX, "generated", "copy.yaml"))

# --- a warm run trusts files by their size, times and inode, and reads none of them -----------------
def fixtures_opened(*args):
    env = {**ENV, "DIPCAL_CACHE_DIR": CACHE}
    p = subprocess.run(["strace", "-f", "-e", "trace=open,openat", DIPCAL, "--fixtures", FIX, *args], capture_output=True, env=env,
                       timeout=120)
    return sum(FIX in line and ".yaml" in line and "ENOENT" not in line for line in p.stderr.decode(errors="replace").splitlines())


if shutil.which("strace"):
    run("list")
    time.sleep(1.2)  # files written within a second of being read are compared by their bytes
    run("check")      # (re)stores the entry with files older than that
    check("a warm run opens no fixture file", fixtures_opened("until", "busan", "--from", "kl-talks") == 0)
    seed_bytes = open(seed, "rb").read()
    os.utime(seed)  # touched: new times, same bytes
    time.sleep(1.2)
    check("a touched file is read once to compare its bytes", fixtures_opened("until", "busan", "--from", "kl-talks") > 0)
    check("…and then trusted by its new times", fixtures_opened("until", "busan", "--from", "kl-talks") == 0 and
          run("until", "busan", "--from", "kl-talks") == run("until", "busan", "--from", "kl-talks", cache=False))
    check("…which any write changes", (open(seed, "wb").write(seed_bytes.replace(b"11:00", b"11:30", 1)), True)[1] and
          fixtures_opened("show", "busan") > 0 and run("show", "busan") == run("show", "busan", cache=False))
    open(seed, "wb").write(seed_bytes)
else:
    print("strace is missing: the checks that warm runs read no fixture are skipped")

# --- a damaged entry is a miss, and is replaced ------------------------------------------------------
run("list")
entry = os.path.join(CACHE, entries()[0])
with open(entry, "r+b") as f:
    f.seek(os.path.getsize(entry) // 2)
    f.write(b"\x00garbage\x00")
check("a damaged entry never changes the answer", run("list", "--json") == run("list", "--json", cache=False))
check("…and is replaced by a whole one", run("list", "--json") == run("list", "--json", cache=False) and len(entries()) == 1)

# --- listings of every event print what they kept, only while it is right -------------------------
def answers():
    return sorted(f for f in os.listdir(CACHE) if f.endswith(".answer")) if os.path.isdir(CACHE) else []


def identity(path):
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns, st.st_size


LISTINGS = [["windows", "--json"], ["order", "--json"], ["order", "--json", "--by", "time"]]
shutil.rmtree(CACHE, ignore_errors=True)
run("check")
expected = {tuple(args): run(*args, cache=False) for args in LISTINGS}
for args in LISTINGS:
    name = " ".join(args)
    check(f"{name}: the first warm run prints the uncached answer", run(*args) == expected[tuple(args)])
check("…and each listing keeps what it printed beside the entry", len(answers()) == len(LISTINGS), str(answers()))
kept = {a: identity(os.path.join(CACHE, a)) for a in answers()}
for args in LISTINGS:
    check(f"{' '.join(args)}: the kept answer is printed again, the same bytes", run(*args) == expected[tuple(args)])
check("…read, not written again", {a: identity(os.path.join(CACHE, a)) for a in answers()} == kept)

windows_answer = next(os.path.join(CACHE, a) for a in answers() if "windows" in a)
with open(windows_answer, "r+b") as f:  # one byte of the answer's text changed
    f.seek(os.path.getsize(windows_answer) // 3)
    byte = f.read(1)
    f.seek(-1, os.SEEK_CUR)
    f.write(b"9" if byte != b"9" else b"8")
check("a damaged kept answer is never printed", run("windows", "--json") == expected[("windows", "--json")])
check("…and is kept anew", identity(windows_answer) != kept[os.path.basename(windows_answer)] and
      run("windows", "--json") == expected[("windows", "--json")])
os.truncate(windows_answer, os.path.getsize(windows_answer) // 2)
check("a short kept answer is never printed", run("windows", "--json") == expected[("windows", "--json")])
order_answer = next(os.path.join(CACHE, a) for a in answers() if a.endswith(".order-json.answer"))
shutil.copy(windows_answer, order_answer)  # whole and checked, but the answer to another question
check("an answer kept under another question's name is never printed", run("order", "--json") == expected[("order", "--json")])

# A change to the fixtures: the entry is replaced, and the answers printed from the old one go.
seed = os.path.join(FIX, "us-china-trade-2025.yaml")
seed_bytes = open(seed, "rb").read()
open(seed, "wb").write(seed_bytes.replace(b"    title: ", b"    title: Edited ", 1))
for args in LISTINGS:  # the first run after the edit loads and stores the entry, the second keeps its answer
    check(f"{' '.join(args)} after an edit: the new answer", run(*args) == run(*args) == run(*args, cache=False))
check("…and only answers of the new entry are kept", len(answers()) == len(LISTINGS) and
      all(a.startswith(entries()[0]) for a in answers()), str(answers()))
open(seed, "wb").write(seed_bytes)

# --- into a regular file, a kept answer is written while it is checked -----------------------------
# A damaged part found after earlier parts went out is taken back: the file ends as if the listing
# had been formatted, after whatever it held before. The calendar is large enough for an answer of
# several checked MiB (windows --json prints about 280 bytes an event).
BIG = os.path.join(WORK, "big")
BIG_CACHE = os.path.join(WORK, "big-cache")
subprocess.run([DIPCAL, "generate", "--events", "12000", "--seed", "7", "-o", BIG], check=True, capture_output=True)


def into_file(prefix, cache=True):
    """What a file holding `prefix` holds after `windows --json` wrote to it as its standard output."""
    path = os.path.join(OUT, "windows.json")
    with open(path, "wb") as f:
        f.write(prefix)
    with open(path, "ab") as f:
        code = subprocess.run([DIPCAL, "--fixtures", BIG, *([] if cache else ["--no-cache"]), "windows", "--json"], stdout=f,
                              stderr=subprocess.PIPE, env={**ENV, "DIPCAL_CACHE_DIR": BIG_CACHE}, timeout=120).returncode
    return code, open(path, "rb").read()


PREFIX = b"written before\n"
big_expected = into_file(b"", cache=False)
check("the large listing spans several MiB", len(big_expected[1]) > 3 << 20, str(len(big_expected[1])))
check("a regular file: the run that stores the entry, and the one that keeps the answer, write it after what the file held",
      into_file(PREFIX) == into_file(PREFIX) == (0, PREFIX + big_expected[1]))
big_answer = next(os.path.join(BIG_CACHE, a) for a in os.listdir(BIG_CACHE) if a.endswith(".windows-json.answer"))
big_kept = identity(big_answer)
check("…and a later run writes the kept answer the same", into_file(PREFIX) == (0, PREFIX + big_expected[1]) and identity(big_answer) == big_kept)
for where in (len(big_expected[1]) - 100, (2 << 20) + 5):  # in the last MiB; in the third
    with open(big_answer, "r+b") as f:
        f.seek(where)
        byte = f.read(1)
        f.seek(-1, os.SEEK_CUR)
        f.write(b"9" if byte != b"9" else b"8")
    check(f"a damaged byte at {where:,} after good MiB went out: those are taken back, the listing is formatted",
          into_file(PREFIX) == (0, PREFIX + big_expected[1]))
    check("…and kept anew", identity(big_answer) != big_kept and into_file(PREFIX) == (0, PREFIX + big_expected[1]))
    big_kept = identity(big_answer)

# --- racing runs on an empty cache ------------------------------------------------------------------
shutil.rmtree(CACHE, ignore_errors=True)
expected = run("order", "--json", cache=False)
env = {**ENV, "DIPCAL_CACHE_DIR": CACHE}
racers = [subprocess.Popen([DIPCAL, "--fixtures", FIX, "order", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
          for _ in range(8)]
results = [(p.wait(timeout=120), *p.communicate()) for p in racers]
check("8 racing runs all give the uncached answer", all(r == expected for r in results),
      "\n".join(r[2].decode()[-300:] for r in results if r != expected))
check("…and leave one whole entry and no temporary file", len(entries()) == 1 and
      not [f for f in os.listdir(CACHE) if f.startswith(".entry-")], str(os.listdir(CACHE)))
check("…which the next run reads", run("order", "--json") == expected)

# --- a cache folder that cannot be made is no error ------------------------------------------------
blocker = os.path.join(WORK, "a-file")
open(blocker, "w").write("not a folder")
blocked = run("list", "--json", cache_dir=os.path.join(blocker, "cache"))
check("an unusable cache folder still answers, silently", blocked == run("list", "--json", cache=False), blocked[2].decode()[:300])

sys.exit(tally.finish("cache: "))
