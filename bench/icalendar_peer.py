#!/usr/bin/python3
"""The peer for `dipcal export ics`: python icalendar writing the same events.

Usage: icalendar_peer.py EVENTS.json OUT.ics   (EVENTS.json is `dipcal list --json`)
Uses Debian's python3-icalendar, the library most calendar exporters in Python are built on. Only
the writing is timed by the caller's clock as a whole process, JSON reading included (a few % of it).
"""
import datetime
import json
import sys

import icalendar
import pytz

events = json.load(open(sys.argv[1]))
cal = icalendar.Calendar()
cal.add("prodid", "-//peer//python icalendar//EN")
cal.add("version", "2.0")
for e in events:
    if e["start"] is None:
        continue
    ev = icalendar.Event()
    ev.add("uid", e["id"])
    ev.add("summary", e["title"])
    ev.add("dtstamp", datetime.datetime(2025, 1, 1, tzinfo=pytz.utc))
    if e["all_day"]:
        ev.add("dtstart", datetime.date.fromisoformat(e["start"]))
        ev.add("dtend", datetime.date.fromisoformat(e["end"]) + datetime.timedelta(days=1))
    else:
        zone = pytz.timezone(e["zone"])
        ev.add("dtstart", zone.localize(datetime.datetime.fromisoformat(e["start"])))
        ev.add("dtend", zone.localize(datetime.datetime.fromisoformat(e["end"])))
    cal.add_component(ev)
with open(sys.argv[2], "wb") as f:
    f.write(cal.to_ical())
