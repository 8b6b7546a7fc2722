#!/usr/bin/python3
"""Differential test of a dipcal time-zone probe against Python's zoneinfo.

Usage:  /usr/bin/python3 tests/oracle/zoneinfo_oracle.py PROBE [--samples N] [--seed S]

PROBE is the probe command line (split with shlex, so it may carry arguments,
e.g. "python3 tests/oracle/reference_probe.py").  It is started once, fed every
request line on stdin, and must print exactly one answer line per request:

  U <zone> <unix>                 -> <utc_offset_seconds> <abbreviation> <dst 0|1>
  L <zone> <YYYY-MM-DDTHH:MM:SS>  -> unique <unix> | skipped <a> <b> | repeated <a> <b>
  (unknown zone)                  -> error <message>

For `skipped`, a is the local time read with the offset in force before the
transition and b with the offset after it; for `repeated`, a < b.

Expected answers come from zoneinfo (system /usr/share/zoneinfo, POSIX footer
honoured after the last explicit transition).  See README.md in this directory
for what is compared and why.  Exit status: 0 if everything passed, 1 otherwise.
"""

import argparse
import calendar
import random
import re
import shlex
import struct
import subprocess
import sys
import time
import zoneinfo
from bisect import bisect_right
from datetime import datetime, timedelta, timezone

UTC_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
NAIVE_EPOCH = datetime(1970, 1, 1)
SEC = timedelta(seconds=1)

T_1900 = -2208988800          # 1900-01-01T00:00:00Z
T_1970 = 0                    # 1970-01-01T00:00:00Z
T_2038 = 2145916800           # 2038-01-01T00:00:00Z  ("after 2037" starts here)
T_2101 = 4133980800           # 2101-01-01T00:00:00Z  (exclusive upper bound)
ERAS = [(T_1900, T_1970, 0.30), (T_1970, T_2038, 0.40), (T_2038, T_2101, 0.30)]

ZONEINFO_DIR = "/usr/share/zoneinfo"
EXCLUDED = {"Factory", "localtime", "posixrules"}
MAX_SHOWN = 30
DEFAULT_SEED = 20251026


def utc_iso(t):
    return (UTC_EPOCH + t * SEC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_iso(s):
    return (NAIVE_EPOCH + s * SEC).strftime("%Y-%m-%dT%H:%M:%S")


def iso_to_unix(s):
    """'YYYY-MM-DDTHH:MM:SS[Z]' read as UTC -> unix seconds (no zoneinfo involved)."""
    return calendar.timegm(time.strptime(s.rstrip("Z"), "%Y-%m-%dT%H:%M:%S"))


def era_of(t):
    if t < T_1970:
        return "before 1970"
    if t < T_2038:
        return "1970-2037"
    return "after 2037"


# --------------------------------------------------------------------------
# Raw TZif reader, used only to justify the dst flag (see README): inside the
# explicit transition table, zoneinfo's bool(dst()) must equal the file's
# isdst flag; in the footer region, the POSIX rule says which part is DST.
# --------------------------------------------------------------------------
class RawTZif:
    def __init__(self, path):
        with open(path, "rb") as f:
            b = f.read()
        if b[:4] != b"TZif":
            raise ValueError("not a TZif file")
        fmt = ">4sc15x6l"
        _, ver, isutc, isstd, leap, timecnt, typecnt, charcnt = struct.unpack(fmt, b[:44])
        if ver == b"\0":                       # version 1: 32-bit data only
            o, tsize = 44, 4
        else:                                  # skip v1 block, read 64-bit block
            o = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isutc
            _, ver, isutc, isstd, leap, timecnt, typecnt, charcnt = struct.unpack(fmt, b[o:o + 44])
            o, tsize = o + 44, 8
        self.trans = list(struct.unpack(">%d%s" % (timecnt, "q" if tsize == 8 else "l"),
                                        b[o:o + tsize * timecnt]))
        o += tsize * timecnt
        self.idx = b[o:o + timecnt]
        o += timecnt
        raw = [struct.unpack(">lBB", b[o + 6 * i:o + 6 * i + 6]) for i in range(typecnt)]
        o += 6 * typecnt
        chars = b[o:o + charcnt]
        o += charcnt + leap * (tsize + 4) + isstd + isutc
        self.types = [(u, d, chars[a:chars.index(b"\0", a)].decode()) for u, d, a in raw]
        footer = b[o:].split(b"\n")
        self.footer = footer[1].decode() if ver != b"\0" and len(footer) > 1 else ""
        self.footer_names = self._footer_names(self.footer)

    @staticmethod
    def _footer_names(tz):
        m = re.match(r"(<[^>]*>|[A-Za-z]+)[-+]?[0-9:]+(<[^>]*>|[A-Za-z]+)?", tz)
        if not m:
            return None, None
        std, dst = m.group(1), m.group(2)
        return std.strip("<>"), dst.strip("<>") if dst else None

    def in_table(self, t):
        """True if t is governed by the explicit table (not the footer)."""
        return bool(self.trans) and t <= self.trans[-1] or (not self.trans and not self.footer)

    def info(self, t):
        i = bisect_right(self.trans, t) - 1
        return self.types[self.idx[i]] if i >= 0 else self.types[0]


# --------------------------------------------------------------------------
# zoneinfo side
# --------------------------------------------------------------------------
def load_zones():
    zones, skipped = {}, []
    for name in sorted(zoneinfo.available_timezones()):
        if name in EXCLUDED or name.startswith(("posix/", "right/")):
            continue
        try:
            tz = zoneinfo.ZoneInfo(name)
            datetime(2000, 1, 1, tzinfo=tz).utcoffset()
            raw = RawTZif("%s/%s" % (ZONEINFO_DIR, name))
        except Exception as e:                 # noqa: BLE001 - any failure => skip zone
            skipped.append("%s (%s)" % (name, e))
            continue
        zones[name] = (tz, raw)
    return zones, skipped


def zi_instant(tz, t):
    """(offset, abbreviation, dst_raw) at unix t, per zoneinfo."""
    d = (UTC_EPOCH + t * SEC).astimezone(tz)
    return int(d.utcoffset() // SEC), d.tzname(), d.dst()


def zi_offset(tz, t):
    return int((UTC_EPOCH + t * SEC).astimezone(tz).utcoffset() // SEC)


def zi_local(tz, s):
    """Classify naive local seconds s.  Returns ((kind, a[, b]), problem-or-None).

    fold=0 / fold=1 give u0 / u1 (PEP 495: in a gap fold=0 uses the offset in
    force before the transition, fold=1 the one after; in an overlap fold=0 is
    the earlier instant).  Every classification is verified by round-tripping.
    """
    naive = NAIVE_EPOCH + s * SEC
    u0 = s - int(naive.replace(tzinfo=tz, fold=0).utcoffset() // SEC)
    u1 = s - int(naive.replace(tzinfo=tz, fold=1).utcoffset() // SEC)
    o0, o1 = zi_offset(tz, u0), zi_offset(tz, u1)
    rt0, rt1 = u0 + o0 == s, u1 + o1 == s
    if u0 == u1:
        return ("unique", u0), None if rt0 else "fold0==fold1 but no round trip"
    if rt0 and rt1:
        return ("repeated", u0, u1), None if u0 < u1 else "overlap with fold0 >= fold1"
    if not rt0 and not rt1:
        # gap: u0 = s - off_before lies after the transition (reads off_after),
        #      u1 = s - off_after  lies before it        (reads off_before)
        ok = o0 == s - u1 and o1 == s - u0
        return ("skipped", u0, u1), None if ok else "gap offsets not crosswise"
    return ("inconsistent", u0, u1), "only one fold round-trips"


def dst_justified(raw, t, tzname, dst_raw):
    """Is zoneinfo's dst flag at t backed by the TZif data?  Returns (ok, why)."""
    flag = int(bool(dst_raw))
    if raw.in_table(t):
        return flag == raw.info(t)[1], "table isdst=%d" % raw.info(t)[1]
    std, dst = raw.footer_names
    if std is None:
        return False, "unparsable footer %r" % raw.footer
    if dst is None:
        return flag == 0, "footer %r has no DST" % raw.footer
    if std == dst:
        return False, "footer %r: std and DST names equal" % raw.footer
    return flag == int(tzname == dst), "footer %r" % raw.footer


# --------------------------------------------------------------------------
# Hand-checked named cases.  Instants are written as UTC ISO strings and
# converted with calendar.timegm; every one is also cross-checked against
# zoneinfo before the probe is consulted.
# --------------------------------------------------------------------------
def U(zone, utc, off, abbr, dst, note):
    return ("U", zone, iso_to_unix(utc), (off, abbr, dst), note)


def L(zone, local, kind, *utcs, note=""):
    return ("L", zone, local, (kind,) + tuple(iso_to_unix(u) for u in utcs), note)


NAMED = [
    U("Asia/Kathmandu", "2025-06-01T00:00:00Z", 20700, "+0545", 0, "Kathmandu +05:45 (2025)"),
    U("Asia/Kathmandu", "2025-12-01T00:00:00Z", 20700, "+0545", 0, "Kathmandu +05:45 (2025)"),
    L("Asia/Kathmandu", "2025-06-01T05:45:00", "unique", "2025-06-01T00:00:00Z", note="Kathmandu local"),
    U("Australia/Lord_Howe", "2025-07-01T00:00:00Z", 37800, "+1030", 0, "Lord Howe standard +10:30"),
    U("Australia/Lord_Howe", "2025-01-15T00:00:00Z", 39600, "+11", 1, "Lord Howe summer +11:00"),
    # DST ends Sun 2025-04-06 02:00 local (+11) = 2025-04-05T15:00Z, clocks back 30 min
    U("Australia/Lord_Howe", "2025-04-05T14:59:59Z", 39600, "+11", 1, "Lord Howe last summer second"),
    U("Australia/Lord_Howe", "2025-04-05T15:00:00Z", 37800, "+1030", 0, "Lord Howe back to standard"),
    L("Australia/Lord_Howe", "2025-04-06T01:45:00", "repeated", "2025-04-05T14:45:00Z",
      "2025-04-05T15:15:00Z", note="Lord Howe 30-min overlap"),
    # DST starts Sun 2025-10-05 02:00 local (+10:30) = 2025-10-04T15:30Z, clocks forward 30 min
    L("Australia/Lord_Howe", "2025-10-05T02:15:00", "skipped", "2025-10-04T15:45:00Z",
      "2025-10-04T15:15:00Z", note="Lord Howe 30-min gap"),
    # Apia: 2011-12-29T24:00 at -10 (= 2011-12-30T10:00Z) became 2011-12-31T00:00 at +14
    U("Pacific/Apia", "2011-12-30T09:59:59Z", -36000, "-10", 1, "Apia before dateline jump"),
    U("Pacific/Apia", "2011-12-30T10:00:00Z", 50400, "+14", 1, "Apia after dateline jump"),
    L("Pacific/Apia", "2011-12-30T12:00:00", "skipped", "2011-12-30T22:00:00Z",
      "2011-12-29T22:00:00Z", note="Apia skipped 2011-12-30"),
    L("Pacific/Apia", "2011-12-31T00:00:00", "unique", "2011-12-30T10:00:00Z", note="Apia first new-day second"),
    U("Europe/London", "2025-10-26T00:59:59Z", 3600, "BST", 1, "London DST end"),
    U("Europe/London", "2025-10-26T01:00:00Z", 0, "GMT", 0, "London DST end"),
    L("Europe/London", "2025-10-26T01:30:00", "repeated", "2025-10-26T00:30:00Z",
      "2025-10-26T01:30:00Z", note="London overlap"),
    U("Europe/Berlin", "2025-10-26T00:59:59Z", 7200, "CEST", 1, "Berlin DST end"),
    U("Europe/Berlin", "2025-10-26T01:00:00Z", 3600, "CET", 0, "Berlin DST end"),
    L("Europe/Berlin", "2025-10-26T02:30:00", "repeated", "2025-10-26T00:30:00Z",
      "2025-10-26T01:30:00Z", note="Berlin overlap"),
    U("America/New_York", "2025-11-02T05:59:59Z", -14400, "EDT", 1, "New York DST end"),
    U("America/New_York", "2025-11-02T06:00:00Z", -18000, "EST", 0, "New York DST end"),
    L("America/New_York", "2025-11-02T01:30:00", "repeated", "2025-11-02T05:30:00Z",
      "2025-11-02T06:30:00Z", note="New York overlap"),
    L("America/New_York", "2025-03-09T02:30:00", "skipped", "2025-03-09T07:30:00Z",
      "2025-03-09T06:30:00Z", note="New York gap"),
    U("America/New_York", "2040-07-01T16:00:00Z", -14400, "EDT", 1, "New York 2040 summer (POSIX footer)"),
    L("America/New_York", "2040-07-01T12:00:00", "unique", "2040-07-01T16:00:00Z",
      note="New York 2040 summer (POSIX footer)"),
    U("America/New_York", "2040-01-15T12:00:00Z", -18000, "EST", 0, "New York 2040 winter"),
    L("America/New_York", "2040-03-11T02:30:00", "skipped", "2040-03-11T07:30:00Z",
      "2040-03-11T06:30:00Z", note="New York 2040 gap (POSIX footer)"),
    U("Asia/Seoul", "2025-10-30T02:00:00Z", 32400, "KST", 0, "Seoul"),
    L("Asia/Seoul", "2025-10-30T11:00:00", "unique", "2025-10-30T02:00:00Z", note="Seoul"),
    U("America/Sao_Paulo", "2025-01-15T12:00:00Z", -10800, "-03", 0, "Sao Paulo no DST 2025"),
    U("America/Sao_Paulo", "2025-07-15T12:00:00Z", -10800, "-03", 0, "Sao Paulo no DST 2025"),
    L("America/Sao_Paulo", "2025-11-02T00:30:00", "unique", "2025-11-02T03:30:00Z",
      note="Sao Paulo: old DST-start hour is not skipped in 2025"),
    ("U", "Not/A_Zone", 0, ("error",), "unknown zone"),
    ("L", "Not/A_Zone", "2025-01-01T00:00:00", ("error",), "unknown zone"),
]


# --------------------------------------------------------------------------
# Sample generation
# --------------------------------------------------------------------------
class Case:
    __slots__ = ("kind", "zone", "arg", "expected", "category", "origin", "dst_checked", "note")

    def __init__(self, kind, zone, arg, expected, category, origin, dst_checked=True, note=""):
        self.kind, self.zone, self.arg, self.expected = kind, zone, arg, expected
        self.category, self.origin, self.dst_checked, self.note = category, origin, dst_checked, note

    def request(self):
        a = self.arg if self.kind == "U" else local_iso(self.arg) if isinstance(self.arg, int) else self.arg
        return "%s %s %s" % (self.kind, self.zone, a)


class Builder:
    def __init__(self, zones):
        self.zones = zones
        self.cases = []
        self.oracle_problems = []     # (description) - zoneinfo inconsistent with itself / the file
        self.dst_unjustified = 0

    def add_u(self, name, t, origin):
        tz, raw = self.zones[name]
        off, abbr, dst_raw = zi_instant(tz, t)
        ok, why = dst_justified(raw, t, abbr, dst_raw)
        if raw.in_table(t) and raw.info(t)[0::2] != (off, abbr):
            self.oracle_problems.append("U %s %d: zoneinfo %r but TZif table %r"
                                        % (name, t, (off, abbr), raw.info(t)))
        if not ok:
            self.dst_unjustified += 1
        note = "negative DST (dst()=%s)" % dst_raw if dst_raw < timedelta(0) else ""
        if not ok:
            note = (note + "; " if note else "") + "dst not compared: " + why
        self.cases.append(Case("U", name, t, (off, abbr, int(bool(dst_raw))),
                               "instants " + era_of(t), origin, ok, note))

    def add_l(self, name, s, origin):
        tz, _ = self.zones[name]
        exp, problem = zi_local(tz, s)
        if problem:
            self.oracle_problems.append("L %s %s: %s %r" % (name, local_iso(s), problem, exp))
            return
        self.cases.append(Case("L", name, s, exp, "local " + exp[0], origin))

    def random_samples(self, rnd, n_u, n_l):
        names = sorted(self.zones)
        weights = [w for _, _, w in ERAS]
        for count, adder in ((n_u, self.add_u), (n_l, self.add_l)):
            for _ in range(count):
                lo, hi, _ = rnd.choices(ERAS, weights)[0]
                adder(rnd.choice(names), rnd.randrange(lo, hi), "random")

    def transition_samples(self, rnd, years_per_zone=6, max_per_zone=12):
        """For each zone: scan a few random years (one per era + three anywhere)
        day by day, bisect every change of (offset, abbreviation, dst) to the
        second, and sample instants and local times at and around it."""
        n_found = 0
        for name in sorted(self.zones):
            tz, _ = self.zones[name]
            years = [rnd.randrange(1900, 1970), rnd.randrange(1970, 2038), rnd.randrange(2038, 2101)]
            years += [rnd.randrange(1900, 2101) for _ in range(years_per_zone - 3)]
            found = []
            for y in sorted(set(years)):
                found += find_transitions(tz, calendar.timegm((y, 1, 1, 0, 0, 0)),
                                          calendar.timegm((y + 1, 1, 1, 0, 0, 0)))
            if len(found) > max_per_zone:
                found = sorted(rnd.sample(found, max_per_zone))
            n_found += len(found)
            for T in found:
                for t in (T - 1, T, T + 1):
                    self.add_u(name, t, "transition")
                ob, oa = zi_offset(tz, T - 1), zi_offset(tz, T)
                w0, w1 = T + ob, T + oa          # wall clock at T, old and new offset
                lo, hi = min(w0, w1), max(w0, w1)
                for s in sorted({lo - 1, lo, (lo + hi) // 2, hi - 1, hi}):
                    self.add_l(name, s, "transition")
        return n_found


def find_transitions(tz, start, end, step=86400):
    def key(t):
        d = (UTC_EPOCH + t * SEC).astimezone(tz)
        return d.utcoffset(), d.tzname(), bool(d.dst())

    out = []
    prev_t, prev_k = start, key(start)
    t = start
    while t < end:
        t = min(t + step, end)
        k = key(t)
        if k != prev_k:
            lo, hi = prev_t, t              # key(lo) == prev_k != key(hi)
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if key(mid) == prev_k:
                    lo = mid
                else:
                    hi = mid
            out.append(hi)
            # continue scanning from the transition (catches close pairs)
            prev_t, prev_k, t = hi, key(hi), hi
        else:
            prev_t, prev_k = t, k
    return out


# --------------------------------------------------------------------------
# Running the probe and comparing
# --------------------------------------------------------------------------
def run_probe(probe, requests, timeout):
    text = "".join(r + "\n" for r in requests)
    try:
        p = subprocess.run(shlex.split(probe), input=text, capture_output=True, text=True,
                           timeout=timeout)
    except (OSError, subprocess.SubprocessError) as e:
        return [], "could not run probe: %s" % e
    note = None
    if p.returncode != 0:
        note = "probe exited with status %d; stderr tail: %s" % (p.returncode, p.stderr[-500:].strip())
    return p.stdout.splitlines(), note


def compare(case, line):
    """Returns None if OK, else a reason string."""
    if line is None:
        return "no answer"
    tok = line.split()
    exp = case.expected
    if exp[0] == "error":
        return None if tok and tok[0] == "error" else "expected an error answer"
    if case.kind == "U":
        if len(tok) != 3:
            return "malformed answer"
        try:
            off, dst = int(tok[0]), int(tok[2])
        except ValueError:
            return "malformed answer"
        bad = []
        if off != exp[0]:
            bad.append("offset")
        if tok[1] != exp[1]:
            bad.append("abbreviation")
        if dst not in (0, 1):
            bad.append("dst flag not 0/1")
        elif case.dst_checked and dst != exp[2]:
            bad.append("dst flag")
        return ", ".join(bad) + " differ" if bad else None
    try:
        got = (tok[0],) + tuple(int(x) for x in tok[1:])
    except (ValueError, IndexError):
        return "malformed answer"
    if got == exp:
        return None
    if got[0] != exp[0]:
        return "classification differs"
    if got[0] != "unique" and got[1:] == exp[:0:-1]:
        return "a and b swapped"
    return "instants differ"


def describe(case):
    def fmt(v):
        if not v or v[0] == "error" or case.kind == "U":
            return " ".join(str(x) for x in v)
        return " ".join([v[0]] + ["%d (%s)" % (x, utc_iso(x)) for x in v[1:]])
    extra = " (%s)" % utc_iso(case.arg) if case.kind == "U" and isinstance(case.arg, int) \
        and case.zone != "Not/A_Zone" else ""
    return "%s%s  expected: %s" % (case.request(), extra, fmt(case.expected))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("probe", help="probe command (shlex-split)")
    ap.add_argument("--samples", type=int, default=20000,
                    help="random samples, split evenly between U and L requests (default 20000)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    ap.add_argument("--timeout", type=float, default=600, help="probe timeout in seconds")
    args = ap.parse_args(argv)
    t_start = time.monotonic()

    zones, skipped = load_zones()
    print("zoneinfo oracle: %d zones from %s (%d skipped), seed %d"
          % (len(zones), ZONEINFO_DIR, len(skipped), args.seed))
    for s in skipped:
        print("  skipped zone:", s)

    b = Builder(zones)
    # Named, hand-checked cases: verify zoneinfo agrees with the hand values.
    for kind, zone, arg, exp, note in NAMED:
        if kind == "L":
            arg = iso_to_unix(arg)  # naive local seconds: same arithmetic as UTC
        if zone in zones:
            if kind == "U":
                tz = zones[zone][0]
                off, abbr, dst_raw = zi_instant(tz, arg)
                zi = (off, abbr, int(bool(dst_raw)))
            else:
                zi, problem = zi_local(zones[zone][0], arg)
                if problem:
                    b.oracle_problems.append("named %s: %s" % (note, problem))
            if zi != exp:
                b.oracle_problems.append("named case %r: hand-checked %r but zoneinfo says %r"
                                         % (note, exp, zi))
        elif exp[0] != "error":
            b.oracle_problems.append("named case %r: zone %s not available" % (note, zone))
            continue
        b.cases.append(Case(kind, zone, arg, exp, "named cases", "named", note=note))

    rnd = random.Random(args.seed)
    n_u = args.samples // 2
    b.random_samples(rnd, n_u, args.samples - n_u)
    # separate stream so the transition samples do not depend on --samples
    n_trans = b.transition_samples(random.Random("transitions-%d" % args.seed))
    t_built = time.monotonic()

    cases = b.cases
    answers, probe_note = run_probe(args.probe, [c.request() for c in cases], args.timeout)
    t_probe = time.monotonic()
    if probe_note:
        print("WARNING:", probe_note)
    if len(answers) != len(cases):
        print("WARNING: probe printed %d lines for %d requests" % (len(answers), len(cases)))

    order = ["named cases", "instants before 1970", "instants 1970-2037", "instants after 2037",
             "local unique", "local skipped", "local repeated"]
    stats = {k: {"random": [0, 0], "transition": [0, 0], "named": [0, 0]} for k in order}
    shown = 0
    failed_total = 0
    print()
    for i, c in enumerate(cases):
        line = answers[i] if i < len(answers) else None
        reason = compare(c, line)
        stats[c.category][c.origin][0 if reason is None else 1] += 1
        if reason is not None:
            failed_total += 1
            if shown < MAX_SHOWN:
                shown += 1
                print("MISMATCH #%d [%s, %s] %s" % (shown, c.category, c.origin, reason))
                print("    %s" % describe(c))
                print("    got: %s" % (line if line is not None else "<nothing>"))
                if c.note:
                    print("    note: %s" % c.note)
    if failed_total > shown:
        print("... %d more mismatches not shown" % (failed_total - shown))

    print()
    print("%-22s %8s %8s %8s   %s" % ("category", "checked", "passed", "failed", "(random / near transitions / named)"))
    for k in order:
        s = stats[k]
        chk = sum(p + f for p, f in s.values())
        fl = sum(f for _, f in s.values())
        print("%-22s %8d %8d %8d   (%d / %d / %d)" % (k, chk, chk - fl, fl,
              sum(s["random"]), sum(s["transition"]), sum(s["named"])))
    n_u_cases = sum(1 for c in cases if c.kind == "U" and c.expected[0] != "error")
    print("transitions located by bisection: %d; dst flag compared on %d of %d instants"
          % (n_trans, n_u_cases - b.dst_unjustified, n_u_cases))
    print("time: build %.1fs, probe %.1fs, total %.1fs"
          % (t_built - t_start, t_probe - t_built, time.monotonic() - t_start))

    if b.oracle_problems:
        print()
        print("ORACLE PROBLEMS (zoneinfo disagrees with itself, the TZif file, or a hand-checked value): %d"
              % len(b.oracle_problems))
        for p in b.oracle_problems[:MAX_SHOWN]:
            print("   ", p)
    failed = failed_total + len(b.oracle_problems)
    print("%d passed, %d failed" % (len(cases) - failed_total, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
