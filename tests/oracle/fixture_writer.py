"""Writes rules.py's events as a dipcal fixture (docs/FORMAT.md), and reads dipcal's JSON and ICS
back into the same terms. Shared by the randomized test and the test calendar."""

import datetime as dt
import json
import os
import subprocess

import rules

UTC = dt.timezone.utc


def local_text(zone, instant):
    """A local date-time with its offset, always one of the zone's readings (so DST gaps and
    overlaps never make the fixture ambiguous)."""
    local = instant.astimezone(rules.zone(zone))
    off = local.utcoffset()
    sign = '-' if off < dt.timedelta(0) else '+'
    minutes = abs(int(off.total_seconds())) // 60
    return local.strftime('%Y-%m-%dT%H:%M:%S') + f'{sign}{minutes // 60:02d}:{minutes % 60:02d}'


def event_yaml(e):
    """One event; e may carry 'start_text'/'end_text' for EDTF and 'relations' as dicts."""
    out = [f"  - id: {e['id']}", f"    title: {e.get('title', e['id'])}"]
    if e['kind'] == 'timed':
        out.append(f"    start: \"{local_text(e['zone'], e['start'])}\"")
        out.append(f"    end: \"{local_text(e['zone'], e['end'])}\"")
    elif e['kind'] == 'allday':
        out.append(f"    start: {e['first'].isoformat()}")
        out.append(f"    end: {e['last'].isoformat()}")
    elif e['kind'] == 'edtf':
        out.append(f"    start: \"{e['start_text']}\"")
        if e.get('end_text'):
            out.append(f"    end: \"{e['end_text']}\"")
    out.append(f"    location: {{name: somewhere, city: somewhere, zone: {e['zone']}}}")
    rels = e.get('relations', [])
    if rels:
        out.append("    relations:")
        for r in rels:
            out.append(f"      - type: {r['type']}")
            out.append(f"        event: {r['event']}")
            if r.get('gap'):
                gap = ', '.join(f"{k}: {v}" for k, v in r['gap'].items())
                out.append(f"        gap: {{{gap}}}")
            if r.get('zone'):
                out.append(f"        zone: {r['zone']}")
    return '\n'.join(out)


def write_fixture(path, events):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('events:\n')
        for e in events:
            f.write(event_yaml(e) + '\n')


class Dipcal:
    """Runs the dipcal binary (never its code) with --no-cache on one fixture."""

    def __init__(self, binary, fixture):
        self.binary = binary
        self.fixture = fixture

    def run(self, args, tz_env='UTC', check=True):
        env = dict(os.environ, LC_ALL='C.UTF-8', DIPCAL_FIXTURES='')
        if tz_env is None:
            env.pop('TZ', None)
        else:
            env['TZ'] = tz_env
        p = subprocess.run([self.binary, '--no-cache', '--fixtures', self.fixture] + args,
                           capture_output=True, text=True, env=env)
        if check and p.returncode not in (0, 1):
            raise RuntimeError(f"dipcal {' '.join(args)} exited {p.returncode}: {p.stderr.strip()}")
        return p

    def json(self, args, tz_env='UTC'):
        p = self.run(args + ['--json'], tz_env)
        if p.returncode != 0:
            raise RuntimeError(f"dipcal {' '.join(args)} exited {p.returncode}: {p.stderr.strip()}")
        return json.loads(p.stdout)


def parse_utc(text):
    if text is None:
        return None
    return dt.datetime.strptime(text, '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=UTC)


# ---- a small ICS reader: VEVENTs with their UID, STATUS and the days they occupy ---------------

def unfold(text):
    lines = []
    for raw in text.replace('\r\n', '\n').split('\n'):
        if raw.startswith((' ', '\t')) and lines:
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return lines


def ics_events(text):
    """Each VEVENT as a dict of its properties: name -> (params dict, value)."""
    events, cur, depth = [], None, []
    for line in unfold(text):
        if not line:
            continue
        name_params, _, value = line.partition(':')
        name, *params = name_params.split(';')
        if name == 'BEGIN':
            depth.append(value)
            if value == 'VEVENT':
                cur = {}
            continue
        if name == 'END':
            depth.pop()
            if value == 'VEVENT':
                events.append(cur)
                cur = None
            continue
        if cur is not None and depth[-1] == 'VEVENT':
            cur[name] = (dict(p.split('=', 1) for p in params if '=' in p), value)
    return events


def ics_time(prop):
    """A DTSTART/DTEND as a date (VALUE=DATE) or a UTC instant (TZID read with zoneinfo)."""
    params, value = prop
    if params.get('VALUE') == 'DATE' or len(value) == 8:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    naive = dt.datetime.strptime(value.rstrip('Z'), '%Y%m%dT%H%M%S')
    if value.endswith('Z'):
        return naive.replace(tzinfo=UTC)
    return naive.replace(tzinfo=rules.zone(params['TZID'])).astimezone(UTC)
