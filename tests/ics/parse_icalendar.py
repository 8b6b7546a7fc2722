#!/usr/bin/python3
"""Reads an iCalendar file with python3-icalendar (Debian's, 4.0.3) and prints one JSON line per
VEVENT: {"uid", "start", "end", "summary"}, times in UTC ("...Z") or, for VALUE=DATE, the date.

Each DTSTART/DTEND with a TZID is read through the file's own VTIMEZONE, as icalendar parsed it:
its observances expanded with dateutil's rrule, the offset in force picked as RFC 5545 section
3.6.5 says. icalendar's own readings cannot serve after 2037: decoded() resolves a TZID by name
through pytz, whose data stops in 2037, and Timezone.to_tz() caps every rule at 2038 (and refuses
the UTC UNTIL that section 3.3.10 requires). So decoded() is compared too, up to 2037 only; later
disagreements are printed as NOTE lines, not failures.

Usage: parse_icalendar.py FILE.ics   (the last line is "N passed, N failed")
"""
import bisect
import datetime as dt
import json
import sys

import icalendar
from dateutil import rrule

from reader_report import Report, utc_text

report = Report()
LAST_YEAR = 2101  # dipcal's dates run to 2100


class Vtimezone:
    """Onsets of a VTIMEZONE: (UTC instant, offset after) sorted, from its observances."""

    def __init__(self, component):
        self.onsets = []
        for obs in component.subcomponents:
            if obs.name not in ("STANDARD", "DAYLIGHT"):
                continue
            start = obs.decoded("DTSTART")
            before = obs.decoded("TZOFFSETFROM")
            after = obs.decoded("TZOFFSETTO")
            locals_ = [start]
            if "RRULE" in obs:
                text = obs["RRULE"].to_ical().decode()
                # UNTIL is UTC (section 3.3.10); dateutil wants it naive like DTSTART: read it locally.
                parts = []
                for part in text.split(";"):
                    if part.startswith("UNTIL=") and part.endswith("Z"):
                        until = dt.datetime.strptime(part[6:], "%Y%m%dT%H%M%SZ") + before
                        part = "UNTIL=" + until.strftime("%Y%m%dT%H%M%S")
                    parts.append(part)
                rule = rrule.rrulestr(";".join(parts), dtstart=start)
                locals_ = list(rule.between(start, dt.datetime(LAST_YEAR, 1, 1), inc=True))
            for rdate in obs.get("RDATE", []) if isinstance(obs.get("RDATE"), list) else [obs.get("RDATE")] if "RDATE" in obs else []:
                locals_.extend(d.dt for d in rdate.dts)
            for local in locals_:
                self.onsets.append((local - before, after, before))
        self.onsets.sort()
        self.instants = [o[0] for o in self.onsets]

    def offset_at(self, utc_naive):
        i = bisect.bisect_right(self.instants, utc_naive) - 1
        return self.onsets[i][1] if i >= 0 else self.onsets[0][2]

    def to_utc(self, local):
        """The first instant that reads as `local` (a repeated time reads as its first)."""
        candidates = sorted({o[1] for o in self.onsets} | {o[2] for o in self.onsets}, reverse=True)
        readings = [local - off for off in candidates if self.offset_at(local - off) == off]
        return min(readings) if readings else None


def main():
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    try:
        cal = icalendar.Calendar.from_ical(data)
        report.check(True, "parse")
    except Exception as e:  # the parser's own error, whatever its type
        report.check(False, f"parse: {e}")
        return report.finish()
    report.check(not cal.errors, f"calendar errors: {cal.errors}")
    zones = {}
    for vtz in cal.walk("VTIMEZONE"):
        tzid = str(vtz["TZID"])
        try:
            zones[tzid] = Vtimezone(vtz)
            report.check(bool(zones[tzid].onsets), f"VTIMEZONE {tzid} has observances")
        except Exception as e:
            report.check(False, f"VTIMEZONE {tzid} cannot be read: {e}")
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID"))
        report.check(not ev.errors, f"{uid}: errors {ev.errors}")
        times = {}
        for name in ("DTSTART", "DTEND"):
            times[name] = None
            if name not in ev:
                continue
            decoded = ev.decoded(name)
            by_name = utc_text(decoded)
            tzid = ev[name].params.get("TZID")
            if not tzid:
                times[name] = by_name
                report.check(by_name is not None, f"{uid}: {name} is floating")
                continue
            report.check(tzid in zones, f"{uid}: TZID {tzid} has no VTIMEZONE")
            if tzid not in zones:
                continue
            own = zones[tzid].to_utc(decoded.replace(tzinfo=None))
            times[name] = own.strftime("%Y-%m-%dT%H:%M:%SZ") if own else None
            report.check(own is not None, f"{uid}: {name} {decoded} does not exist in the file's VTIMEZONE {tzid}")
            if decoded.year <= 2037:
                report.check(by_name == times[name], f"{uid}: {name} reads {times[name]} through the VTIMEZONE, {by_name} through pytz")
            elif by_name != times[name]:
                print(f"NOTE {uid}: {name} {decoded} {tzid}: pytz (by name, data to 2037) reads {by_name}; "
                      f"the file's VTIMEZONE reads {times[name]}", file=sys.stderr)
        print(json.dumps({"uid": uid, "start": times["DTSTART"], "end": times["DTEND"],
                          "summary": str(ev.get("SUMMARY", ""))}, ensure_ascii=False))
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
