#!/usr/bin/python3
"""Reads an iCalendar file with python3-vobject (Debian's, 0.9.6) with validate=True and prints one
JSON line per VEVENT: {"uid", "start", "end", "summary"}, times in UTC ("...Z") or, for VALUE=DATE,
the date. vobject reads a TZID through the file's own VTIMEZONE (dateutil's tzical), so these are
dipcal's VTIMEZONEs as another implementation expands them.

Usage: parse_vobject.py FILE.ics   (the last line is "N passed, N failed")
"""
import json
import sys

import vobject

from reader_report import Report, utc_text

report = Report()


def main():
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        text = f.read()
    try:
        cal = vobject.readOne(text, validate=True)
        report.check(True, "parse with validate=True")
    except Exception as e:  # vobject's ParseError, ValidateError, …
        report.check(False, f"parse: {type(e).__name__}: {e}")
        return report.finish()
    tzids = {str(t.tzid.value) for t in getattr(cal, "vtimezone_list", [])}
    for ev in getattr(cal, "vevent_list", []):
        uid = ev.uid.value
        times = {}
        for name in ("dtstart", "dtend"):
            prop = getattr(ev, name, None)
            times[name] = None if prop is None else utc_text(prop.value)
            if prop is None:
                continue
            report.check(times[name] is not None, f"{uid}: {name} is floating")
            tzid = prop.params.get("TZID", [None])[0]
            if tzid:
                report.check(tzid in tzids, f"{uid}: TZID {tzid} has no VTIMEZONE")
                zone = getattr(prop.value.tzinfo, "_tzid", None) or str(prop.value.tzinfo)
                report.check(tzid in zone, f"{uid}: {name} read with {zone}, not the file's VTIMEZONE {tzid}")
        print(json.dumps({"uid": uid, "start": times["dtstart"], "end": times["dtend"],
                          "summary": ev.summary.value if hasattr(ev, "summary") else ""}, ensure_ascii=False))
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
