#!/usr/bin/python3
"""The peer for `dipcal export ics`: python icalendar writing the same events with the same properties.

Usage: icalendar_peer.py EVENTS.json FIXTURES OUT.ics
    EVENTS.json  `dipcal list --json` on FIXTURES: the events in chronological order, each with its
                 dates (or EDTF window), zone, kind and status as dipcal reads them
    FIXTURES     the fixture folder, read for what `list --json` leaves out: relations, location,
                 tags, aliases, actors, sources, notes, updated, sequence, the calendar ids

Prints {"events": n, "seconds": s, "bytes": b} on stdout: `seconds` is the writing alone, measured
with time.perf_counter() from the first icalendar object to the file written: building the
components, the UIDs (RFC 9562 version 5, as dipcal derives them), localizing times with pytz,
serializing, writing the bytes. Reading the JSON and the YAML comes before and is not counted.

Each event gets what dipcal's writer (engine/src/ics/writer.cpp) gives it: UID, DTSTAMP, DTSTART and
DTEND (TZID for timed events, UTC where the zone is UTC or the local time repeats; VALUE=DATE for
all-day events and EDTF windows), SUMMARY, DESCRIPTION (notes, the window sentence, actors,
sources), LOCATION, GEO, URL, CATEGORIES, STATUS, SEQUENCE, LAST-MODIFIED, RELATED-TO or
X-DIPCAL-RELATION with RELTYPE, GAP and the X-DIPCAL parameters, and the X-DIPCAL-* properties.
Windows are written as dipcal writes them (docs/ICS.md): a short undated window over it, any other as a
one-day marker; those whose start is open are left out here too.
Uses Debian's python3-icalendar 4.0, which cannot generate a VTIMEZONE: they are left out, a few
hundred bytes per zone used, however many events (about 10 kB of dipcal's 57 MB at 100k events; the
benchmark page states their share).
The interpreter runs as shipped, its cyclic garbage collector on; it takes about half the writing
time (at 100k events, 32 s with it and 16 s without, on the machine of docs/BENCHMARKS.md).
icalendar orders properties and parameters its own way, adds VALUE=DATE-TIME and writes a gap of
two weeks as P14D where dipcal writes P2W: the bytes differ by that, not by content.
"""
import datetime
import gc
import json
import os
import re
import sys
import time
import uuid

import icalendar
import pytz
import yaml

UTC_ZONES = {"UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu"}
# The relation types with an RFC 5545/9253 RELTYPE, as writer.cpp maps them.
RELTYPES = {
    "during": "PARENT", "contains": "CHILD",
    "before": "FINISHTOSTART", "prepares": "FINISHTOSTART", "FINISHTOSTART": "FINISHTOSTART",
    "after": "DEPENDS-ON", "follows-up": "DEPENDS-ON",
    "STARTTOSTART": "STARTTOSTART", "FINISHTOFINISH": "FINISHTOFINISH", "STARTTOFINISH": "STARTTOFINISH",
}
TAKES_GAP = {"FINISHTOSTART", "STARTTOSTART", "FINISHTOFINISH", "STARTTOFINISH"}
SHORT_DURATION = re.compile(r"(\d+)([wdhms])")
ISO_DURATION = re.compile(r"P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
SECONDS_PER = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}


def duration(text):
    """A fixture duration (docs/FORMAT.md: ISO 8601 or a short form like 4d) as a timedelta."""
    if m := SHORT_DURATION.fullmatch(text):
        return datetime.timedelta(seconds=int(m[1]) * SECONDS_PER[m[2]])
    w, d, h, mi, s = (int(g or 0) for g in ISO_DURATION.fullmatch(text).groups())
    return datetime.timedelta(weeks=w, days=d, hours=h, minutes=mi, seconds=s)


def as_text(value):
    """A YAML scalar as written: CSafeLoader turns dates and numbers into Python values."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def read_fixtures(folder):
    """Every fixture event by id, with its calendar id; every alias to its id."""
    events, names = {}, {}
    paths = sorted(os.path.join(d, f) for d, _, files in os.walk(folder) for f in files if f.endswith((".yaml", ".yml")))
    for path in paths:
        with open(path, "rb") as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader)
        calendar = (doc.get("calendar") or {}).get("id", "")
        for e in doc["events"]:
            events[e["id"]] = (calendar, e)
            names[e["id"]] = e["id"]
            for alias in e.get("aliases", []):
                names[alias] = e["id"]
    return events, names


def utc_time(text):
    return datetime.datetime.fromisoformat(text).astimezone(pytz.utc)


def prepare(listed, events, names):
    """One record per event dipcal writes, its values already Python dates, times and durations."""
    records = []
    for e in listed:
        window = e.get("window")
        entry = None
        if e["start"] is None:
            # docs/ICS.md: an undated window of at most 7 days is written over it, any other window as
            # a one-day marker on its earliest possible start day; an open start is left out.
            tz = pytz.timezone(e["zone"])
            es = utc_time(window["earliest_start_utc"]) if window.get("earliest_start_utc") else None
            ls = utc_time(window["latest_start_utc"]) if window.get("latest_start_utc") else None
            le = utc_time(window["latest_end_utc"]) if window.get("latest_end_utc") else None
            edtf = bool(window["start_text"] or window["end_text"])
            first = es.astimezone(tz).date() if es else (datetime.date.fromisoformat(window["earliest_start"]) if edtf and window["earliest_start"] else None)
            if first is None or not (ls or (edtf and window["latest_start"])):
                continue
            if not edtf and le and le - es <= datetime.timedelta(days=7):
                entry = {"start_utc": es, "end_utc": le}
            else:
                entry = {"first": first}
        calendar, fx = events[e["id"]]
        r = {
            "id": e["id"], "calendar": calendar, "title": e["title"], "zone": e["zone"], "kind": e["kind"],
            "status": e["status"], "window": window, "all_day": e["all_day"],
            "location": fx["location"], "tags": fx.get("tags", []), "aliases": fx.get("aliases", []),
            "actors": fx.get("actors", []), "notes": fx.get("notes", ""), "sequence": fx.get("sequence", 0),
            "sources": [{k: as_text(v) for k, v in s.items()} for s in fx.get("sources", [])],
            "updated": utc_time(as_text(fx["updated"])) if "updated" in fx else None,
            "relations": [],
        }
        if entry and "first" in entry:
            r["first"] = r["last"] = entry["first"]
        elif entry:
            tz = pytz.timezone(e["zone"])
            r["start_utc"], r["end_utc"] = entry["start_utc"], entry["end_utc"]
            r["start"] = r["start_utc"].astimezone(tz).replace(tzinfo=None)
            r["end"] = r["end_utc"].astimezone(tz).replace(tzinfo=None)
        elif e["all_day"]:
            r["first"], r["last"] = datetime.date.fromisoformat(e["start"]), datetime.date.fromisoformat(e["end"])
        else:
            r["start"], r["end"] = datetime.datetime.fromisoformat(e["start"]), datetime.datetime.fromisoformat(e["end"])
            r["start_utc"], r["end_utc"] = utc_time(e["start_utc"]), utc_time(e["end_utc"])
        for rel in fx.get("relations", []):
            target = names[rel["event"]]
            gap = rel.get("gap") or {}
            r["relations"].append({
                "type": rel["type"], "target": (events[target][0], target),
                "gap_min": duration(as_text(gap["min"])) if "min" in gap else None,
                "gap_max": duration(as_text(gap["max"])) if "max" in gap else None,
                "zone": rel.get("zone", ""), "note": rel.get("note", ""),
            })
        records.append(r)
    return records


def uid(calendar, event_id):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:dipcal:{calendar}:{event_id}"))


def zoned(r, local, utc):
    """A timed event's time in its zone, or in UTC where the zone is UTC or the local time repeats."""
    if r["zone"] in UTC_ZONES:
        return utc
    try:
        return pytz.timezone(r["zone"]).localize(local, is_dst=None)
    except pytz.AmbiguousTimeError:
        return utc


def human(d):
    return f"{d:%a} {d.day} {d:%b %Y}"


def description(r):
    parts = [r["notes"]] if r["notes"] else []
    if r["window"]:
        w = r["window"]
        written = [f'{which} "{w[which + "_text"]}"' for which in ("start", "end") if w[which + "_text"]]
        parts.append(f"Date not known exactly: between {human(r['first'])} and {human(r['last'])} ({', '.join(written)}). "
                     "The calendar entry spans the whole window.")
    if r["actors"]:
        parts.append("Actors: " + ", ".join(r["actors"]))
    if r["sources"]:
        lines = ["Sources:"]
        for s in r["sources"]:
            line = "- " + s["outlet"]
            if "published" in s:
                line += f" ({s['published']})"
            if "quote" in s:
                line += f': "{s["quote"]}"'
            if "url" in s:
                line += " " + s["url"]
            lines.append(line)
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def add_relation(event, rel):
    reltype = RELTYPES.get(rel["type"])
    params = {}
    if reltype:
        params["RELTYPE"] = reltype
        if rel["type"] not in (reltype, "during", "contains"):
            params["X-DIPCAL-TYPE"] = rel["type"]
    else:
        params["X-DIPCAL-TYPE"] = rel["type"]
    if rel["gap_min"] is not None:
        params["GAP" if reltype in TAKES_GAP else "X-DIPCAL-GAP-MIN"] = icalendar.vDuration(rel["gap_min"]).to_ical().decode()
    if rel["gap_max"] is not None:
        params["X-DIPCAL-GAP-MAX"] = icalendar.vDuration(rel["gap_max"]).to_ical().decode()
    if rel["zone"]:
        params["X-DIPCAL-ZONE"] = rel["zone"]
    if rel["note"]:
        params["X-DIPCAL-NOTE"] = rel["note"]
    event.add("related-to" if reltype else "x-dipcal-relation", uid(*rel["target"]), parameters=params)


def write_event(r, calendar_id, default_stamp):
    ev = icalendar.Event()
    ev.add("uid", uid(r["calendar"], r["id"]))
    ev.add("dtstamp", r["updated"] or default_stamp)
    if "start" in r:
        ev.add("dtstart", zoned(r, r["start"], r["start_utc"]))
        if r["end_utc"] != r["start_utc"]:  # an instant has no DTEND; a local time may repeat
            ev.add("dtend", zoned(r, r["end"], r["end_utc"]))
    else:
        ev.add("dtstart", r["first"])
        ev.add("dtend", r["last"] + datetime.timedelta(days=1))
    ev.add("summary", r["title"])
    if text := description(r):
        ev.add("description", text)
    loc = r["location"]
    if place := [loc[k] for k in ("name", "city", "country") if loc.get(k)]:
        ev.add("location", ", ".join(place))
    if "geo" in loc:
        ev.add("geo", (loc["geo"]["lat"], loc["geo"]["lon"]))
    if url := next((s["url"] for s in r["sources"] if "url" in s), None):
        ev.add("url", url)
    ev.add("categories", [r["kind"], *r["tags"]])
    status = "CANCELLED" if r["status"] == "cancelled" else "TENTATIVE" if r["status"] == "tentative" or r["window"] else "CONFIRMED"
    ev.add("status", status)
    ev.add("sequence", r["sequence"])
    if r["updated"]:
        ev.add("last-modified", r["updated"])
    for rel in r["relations"]:
        add_relation(ev, rel)
    ev.add("x-dipcal-id", r["id"])
    ev.add("x-dipcal-kind", r["kind"])
    ev.add("x-dipcal-status", r["status"])
    ev.add("x-dipcal-zone", r["zone"])
    if r["window"]:
        for which in ("start", "end"):
            if r["window"][which + "_text"]:
                ev.add("x-dipcal-" + which, r["window"][which + "_text"])
    if r["calendar"] and r["calendar"] != calendar_id:
        ev.add("x-dipcal-calendar", r["calendar"])
    for alias in r["aliases"]:
        ev.add("x-dipcal-alias", alias)
    for key, prop in (("name", "x-dipcal-place"), ("city", "x-dipcal-city"), ("country", "x-dipcal-country")):
        if loc.get(key):
            ev.add(prop, loc[key])
    for actor in r["actors"]:
        ev.add("x-dipcal-actor", actor)
    if r["notes"]:
        ev.add("x-dipcal-notes", r["notes"])
    for s in r["sources"]:
        params = {name: s[key] for key, name in (("url", "X-DIPCAL-URL"), ("published", "X-DIPCAL-PUBLISHED"), ("quote", "X-DIPCAL-QUOTE")) if key in s}
        ev.add("x-dipcal-source", s["outlet"], parameters=params)
    return ev


def write_calendar(records, calendars, out):
    """Everything timed: the calendar as `dipcal export ics` names it, its events, the file."""
    calendar_id = next(iter(calendars)) if len(calendars) == 1 else ""
    stamps = [r["updated"] for r in records if r["updated"]]
    default_stamp = max(stamps) if stamps else datetime.datetime(1970, 1, 1, tzinfo=pytz.utc)
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", "-//peer//python icalendar//EN")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", calendar_id or "dipcal")
    cal.add("x-wr-calname", calendar_id or "dipcal")
    cal.add("refresh-interval", "P1D", parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    if calendar_id:
        cal.add("x-dipcal-calendar", calendar_id)
    for r in records:
        cal.add_component(write_event(r, calendar_id, default_stamp))
    data = cal.to_ical()
    with open(out, "wb") as f:
        f.write(data)
    return len(data)


def main():
    events_json, fixtures, out = sys.argv[1:4]
    with open(events_json, "rb") as f:
        listed = json.load(f)
    events, names = read_fixtures(fixtures)
    records = prepare(listed, events, names)
    calendars = {events[e["id"]][0] for e in listed}
    del listed, events, names
    gc.freeze()  # the input records are the benchmark's, not the writer's: the collector need not scan them
    start = time.perf_counter()
    size = write_calendar(records, calendars, out)
    seconds = time.perf_counter() - start
    print(json.dumps({"events": len(records), "seconds": seconds, "bytes": size}))


main()
