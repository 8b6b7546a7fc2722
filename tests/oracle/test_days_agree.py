#!/usr/bin/python3
"""One rule, the same answer from every command (issue 14): on the test calendar
fixtures/six-zones.yaml, every day of a 60-day range in three zones, `list`, `agenda`,
`export ics`, `export svg` and `export html` must place the same events on the day, with the same
"possibly" marks, and that set must be the one rules.py computes from the README (the calendar is
read here with PyYAML and zoneinfo, never through dipcal).

    /usr/bin/python3 tests/oracle/test_days_agree.py DIPCAL WORKDIR

How each command's answer is read:
  list --from D --to D --json    the ids; "possibly" when the event has a `window` (no fixed dates)
  agenda --from F --to L --json  each day's ids and their `possible` flag
  export ics --from D --to D     each VEVENT's X-DIPCAL-ID; "possibly" when STATUS:TENTATIVE (a
                                 window whose start is open is left out: rules.py, E1)
  export svg|html --from D --to D  each <g class="event …"> drawn (not shape-unplaced);
                                 "possibly" for shape-window
"""

import concurrent.futures
import datetime as dt
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rules  # noqa: E402
from fixture_writer import Dipcal, ics_events  # noqa: E402

D = dt.timedelta
UTC = dt.timezone.utc
FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures', 'six-zones.yaml')
FIRST_DAY = dt.date(2026, 10, 15)
DAYS = 60
VIEW_ZONES = ['America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']
# Days on which the HTML page is checked too (it embeds the same SVG; every 7th day keeps it quick).
HTML_EVERY = 7
def month_end(year, month):
    return dt.date(year + month // 12, month % 12 + 1, 1) - D(days=1)


def edtf_bounds(text):
    """(earliest, latest) day of the EDTF forms the calendar uses: YYYY-MM, YYYY-MM~ (±15 days),
    A/B and A/.. (None: open)."""
    if '/' in text:
        a, b = text.split('/')
        lo = edtf_bounds(a)[0]
        hi = None if b == '..' else edtf_bounds(b)[1]
        return lo, hi
    widen = D(days=15) if text.endswith('~') else D(0)
    text = text.rstrip('~')
    if re.fullmatch(r'\d{4}-\d{2}-\d{2}', text):
        d = dt.date.fromisoformat(text)
        return d, d
    y, m = map(int, text.split('-'))
    return dt.date(y, m, 1) - widen, month_end(y, m) + widen


def local(zone, value):
    naive = dt.datetime.fromisoformat(str(value))
    t = rules.local_to_utc(zone, naive)
    assert t is not None, f'{value} is not one instant in {zone}'
    return t


def duration(text):
    m = re.fullmatch(r'PT(?:(\d+)H)?(?:(\d+)M)?', text)
    return D(hours=int(m.group(1) or 0), minutes=int(m.group(2) or 0))


def read_calendar(path):
    with open(path, encoding='utf-8') as f:
        doc = yaml.safe_load(f)
    events = []
    for y in doc['events']:
        e = {'id': y['id'], 'zone': y['location']['zone']}
        start, end = y.get('start'), y.get('end')
        if start is None:
            e['kind'] = 'undated'
        elif isinstance(start, dt.datetime) or (isinstance(start, str) and 'T' in start):
            e['kind'] = 'timed'
            e['start'] = local(e['zone'], start)
            if end is not None:
                e['end'] = local(e['zone'], end)
            else:
                e['end'] = e['start'] + (duration(y['duration']) if 'duration' in y else D(0))
        elif isinstance(start, dt.date) and (end is None or isinstance(end, dt.date)):
            e['kind'] = 'allday'
            e['first'] = start
            e['last'] = end or start
        else:
            e['kind'] = 'edtf'
            e['ef'], e['lf'] = edtf_bounds(str(start))
            e['el'], e['ll'] = edtf_bounds(str(end)) if end is not None else (e['ef'], e['lf'])
        e['relations'] = [{'type': r['type'], 'event': r['event'], 'gap': r.get('gap')} for r in y.get('relations', [])]
        events.append(e)
    return events


def drawn(svg_text):
    """{id: 'certain'|'possible'} of the events the timeline draws."""
    out = {}
    for m in re.finditer(r'<g class="event status-\S+ shape-(\w+)[^"]*" id="event-([^"]+)"', svg_text):
        shape, ident = m.groups()
        if shape != 'unplaced':
            out[ident] = 'possible' if shape == 'window' else 'certain'
    return out


def main():
    binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    events = read_calendar(FIXTURE)
    by_id = {e['id']: e for e in events}
    windows = rules.windows_of(events)
    dipcal = Dipcal(binary, FIXTURE)
    days = [FIRST_DAY + D(days=k) for k in range(DAYS)]
    jobs = [(cmd, z, d) for z in VIEW_ZONES for d in days for cmd in ('list', 'ics', 'svg')]
    jobs += [('html', z, d) for z in VIEW_ZONES for d in days[::HTML_EVERY]]
    jobs += [('agenda', z, None) for z in VIEW_ZONES]

    def one(job):
        cmd, z, d = job
        if cmd == 'agenda':
            got = dipcal.json(['agenda', '--tz', z, '--from', days[0].isoformat(), '--to', days[-1].isoformat()])
            return job, {day['date']: {e['id']: 'possible' if e.get('possible') else 'certain' for e in day['events']} for day in got}
        base = ['--tz', z, '--from', d.isoformat(), '--to', d.isoformat()]
        if cmd == 'list':
            got = dipcal.json(['list'] + base)
            return job, {e['id']: 'possible' if e.get('window') is not None else 'certain' for e in got}
        out = os.path.join(work, f'{cmd}-{z.replace("/", "_")}-{d}.{cmd}')
        p = dipcal.run(['export', cmd] + base + ['-o', out, '--now', '2026-11-01T12:00Z'])
        if p.returncode != 0:
            raise RuntimeError(f'export {cmd} {base}: exit {p.returncode}: {p.stderr.strip()}')
        with open(out, encoding='utf-8') as f:
            text = f.read()
        if cmd == 'ics':
            return job, {v['X-DIPCAL-ID'][1]: 'possible' if v.get('STATUS', ({}, ''))[1] == 'TENTATIVE' else 'certain'
                         for v in ics_events(text)}
        return job, drawn(text)

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(one, jobs))

    checks, failed = 0, []
    for (cmd, z, d), got in results:
        for day in ([d] if d else days):
            want = {e['id']: m for e in events if (m := rules.on_day(e, z, day, windows.get(e['id'])))}
            if cmd == 'ics':
                want = {i: m for i, m in want.items() if not rules.ics_left_out(by_id[i], windows.get(i))}
            have = dict(got.get(day.isoformat(), {}) if cmd == 'agenda' else got)
            checks += 1
            if have != want:
                missing = sorted(set(want) - set(have))
                extra = sorted(set(have) - set(want))
                marks = sorted(i for i in set(want) & set(have) if want[i] != have[i])
                failed.append(f'{cmd} {day} in {z}: missing {missing}, extra {extra}, marks differ on {marks}')
    # The calendar must exercise the rule: every event on some day, and not every day alike.
    placed = {i for (cmd, z, d), got in results if cmd == 'list' for i in got}
    never = sorted(e['id'] for e in events if e['id'] not in placed and e['id'] != 'pago-someday')
    if never:
        failed.append(f'events never listed on any day: {never}')
    for line in failed[:400]:
        print('FAIL', line)
    if len(failed) > 400:
        print(f'... and {len(failed) - 400} more')
    print(f'{len(jobs)} runs, {checks} day checks, {len(failed)} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
