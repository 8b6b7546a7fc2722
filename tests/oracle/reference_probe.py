#!/usr/bin/python3
"""Reference probe (Python/zoneinfo) speaking the dipcal probe protocol.

Used to develop and self-test zoneinfo_oracle.py without the C++ probe:

  U <zone> <unix>                 -> <offset> <abbreviation> <dst 0|1>
  L <zone> <YYYY-MM-DDTHH:MM:SS>  -> unique <u> | skipped <a> <b> | repeated <a> <b>
  unknown zone                    -> error <message>

Local times are resolved WITHOUT datetime's fold machinery (unlike the oracle):
the transitions within +-30 h are located by scanning and bisection, and every
UTC instant t with t + offset(t) == local is collected, so the oracle's
classification is cross-checked by a different algorithm.

--break MODE deliberately introduces a bug, to prove the oracle notices:
  post2037  freeze every zone at its 2037-12-31T23:59:59Z state (the C++ trap)
  swap      swap a and b in skipped/repeated answers
  dst       report dst=1 only for positive DST (negative DST, e.g. Dublin winter, -> 0)
"""

import argparse
import sys
import zoneinfo
from datetime import datetime, timedelta, timezone

UTC_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
NAIVE_EPOCH = datetime(1970, 1, 1)
SEC = timedelta(seconds=1)
T_2038 = 2145916800
WINDOW = 30 * 3600
STEP = 2 * 3600


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--break", dest="brk", choices=["post2037", "swap", "dst"])
    brk = ap.parse_args().brk
    cache = {}

    def zone(name):
        if name not in cache:
            try:
                cache[name] = zoneinfo.ZoneInfo(name)
            except Exception as e:  # noqa: BLE001
                cache[name] = e
        z = cache[name]
        if isinstance(z, Exception):
            raise LookupError("unknown zone %s: %s" % (name, type(z).__name__))
        return z

    def info(tz, t):
        if brk == "post2037" and t >= T_2038:
            t = T_2038 - 1
        d = (UTC_EPOCH + t * SEC).astimezone(tz)
        dst = d.dst() > timedelta(0) if brk == "dst" else bool(d.dst())
        return int(d.utcoffset() // SEC), d.tzname(), int(dst)

    def offset(tz, t):
        return info(tz, t)[0]

    def resolve(tz, s):
        lo_t, hi_t = s - WINDOW, s + WINDOW
        # pieces [start, end) of constant offset covering the window
        starts, t, o = [lo_t], lo_t, offset(tz, lo_t)
        while t < hi_t:
            n = min(t + STEP, hi_t)
            if offset(tz, n) != o:
                a, b = t, n
                while b - a > 1:
                    m = (a + b) // 2
                    if offset(tz, m) == o:
                        a = m
                    else:
                        b = m
                starts.append(b)
                t, o = b, offset(tz, b)
            else:
                t = n
        bounds = starts + [hi_t + 1]
        sols, gap = [], None
        for i in range(len(starts)):
            oi = offset(tz, starts[i])
            cand = s - oi
            if bounds[i] <= cand < bounds[i + 1]:
                sols.append(cand)
            if i > 0:
                ob = offset(tz, starts[i] - 1)
                if starts[i] + ob <= s < starts[i] + oi:      # wall clock jumped over s
                    gap = (s - ob, s - oi)
        if len(sols) == 1:
            return "unique %d" % sols[0]
        if len(sols) == 2:
            a, b = sorted(sols)
            return "repeated %d %d" % ((b, a) if brk == "swap" else (a, b))
        if not sols and gap:
            a, b = gap
            return "skipped %d %d" % ((b, a) if brk == "swap" else (a, b))
        return "error cannot resolve (%d solutions)" % len(sols)

    for line in sys.stdin:
        parts = line.split()
        try:
            if len(parts) != 3 or parts[0] not in ("U", "L"):
                raise ValueError("bad request")
            tz = zone(parts[1])
            if parts[0] == "U":
                print("%d %s %d" % info(tz, int(parts[2])))
            else:
                s = (datetime.strptime(parts[2], "%Y-%m-%dT%H:%M:%S") - NAIVE_EPOCH) // SEC
                print(resolve(tz, s))
        except (LookupError, ValueError) as e:
            print("error %s" % str(e).replace("\n", " "))


if __name__ == "__main__":
    main()
