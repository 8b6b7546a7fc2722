#!/usr/bin/python3
"""Reads an iCalendar file with python3-vobject (Debian's, 0.9.6) with validate=True and prints one
JSON line per VEVENT: {"uid", "start", "end", "summary"}, times in UTC ("...Z") or, for VALUE=DATE,
the date. vobject reads a TZID through the file's own VTIMEZONE (dateutil's tzical), so these are
dipcal's VTIMEZONEs as another implementation expands them.

Usage: parse_vobject.py FILE.ics   (the last line is "N passed, N failed")
"""
import datetime as dt
import json
import sys

import vobject

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}", file=sys.stderr)


def utc_text(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return None
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def main():
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        text = f.read()
    try:
        cal = vobject.readOne(text, validate=True)
        check(True, "parse with validate=True")
    except Exception as e:  # vobject's ParseError, ValidateError, …
        check(False, f"parse: {type(e).__name__}: {e}")
        print(f"{passed} passed, {failed} failed")
        return 1
    tzids = {str(t.tzid.value) for t in getattr(cal, "vtimezone_list", [])}
    for ev in getattr(cal, "vevent_list", []):
        uid = ev.uid.value
        times = {}
        for name in ("dtstart", "dtend"):
            prop = getattr(ev, name, None)
            times[name] = None if prop is None else utc_text(prop.value)
            if prop is None:
                continue
            check(times[name] is not None, f"{uid}: {name} is floating")
            tzid = prop.params.get("TZID", [None])[0]
            if tzid:
                check(tzid in tzids, f"{uid}: TZID {tzid} has no VTIMEZONE")
                zone = getattr(prop.value.tzinfo, "_tzid", None) or str(prop.value.tzinfo)
                check(tzid in zone, f"{uid}: {name} read with {zone}, not the file's VTIMEZONE {tzid}")
        print(json.dumps({"uid": uid, "start": times["dtstart"], "end": times["dtend"],
                          "summary": ev.summary.value if hasattr(ev, "summary") else ""}, ensure_ascii=False))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
