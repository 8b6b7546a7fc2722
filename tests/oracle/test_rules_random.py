#!/usr/bin/python3
"""Randomized comparison of dipcal with rules.py, an independent implementation of the README's
rules (issue 14). Only the `dipcal` binary is run (--json, --no-cache, --now, --tz); expected values
come from rules.py and zoneinfo, never from dipcal's output.

    /usr/bin/python3 tests/oracle/test_rules_random.py DIPCAL WORKDIR [--scale N]

Parts, each with its own fixed seed (SEEDS):
  counts    `until` and `between` with timed, all-day, EDTF and undated endpoints, with and without
            --tz, --now with and without an offset (offset-less read in --tz, else $TZ, else UTC)
  days      which events `list --from/--to` keeps, which days `agenda` gives each, and which events
            and days `export ics` writes
  same-day  `check` accepts exactly the same-day pairs whose starts share a civil date
  windows   `windows --json` of small random networks, against rules.Network

Exit 0 only with zero disagreements; the summary's last line is `N checks, F failed`.
"""

import argparse
import concurrent.futures
import datetime as dt
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rules  # noqa: E402
from fixture_writer import Dipcal, ics_events, ics_time, parse_utc, write_fixture  # noqa: E402

UTC = dt.timezone.utc
D = dt.timedelta

SEEDS = {'counts': 20261129, 'days': 14014, 'same-day': 250811, 'windows': 909}

# Both sides of the date line, half-hour and quarter-hour offsets, southern DST, no DST, and days
# whose midnight a DST change skips (Havana, Santiago).
ZONES = ['UTC', 'America/New_York', 'America/Anchorage', 'Europe/Zurich', 'Europe/London', 'Asia/Dubai',
         'Asia/Kathmandu', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Pago_Pago',
         'Pacific/Auckland', 'America/Sao_Paulo', 'America/Havana', 'America/Santiago']

NOT_A_ZONE = 'Mars/Olympus'  # $TZ that names no zone: UTC, with a warning

# Days whose local midnight a DST change skips or repeats: the day starts at the gap's end, or at
# the first of the two midnights.
EDGE_DAYS = [('America/Havana', dt.date(2025, 11, 2)), ('America/Havana', dt.date(2026, 3, 8)),
             ('America/Santiago', dt.date(2026, 9, 6)), ('America/New_York', dt.date(2025, 11, 2)),
             ('Australia/Lord_Howe', dt.date(2026, 4, 5))]

PERIOD_START = dt.datetime(2025, 10, 1, tzinfo=UTC)
PERIOD_DAYS = 400

class Report:
    def __init__(self):
        self.checks = 0
        self.failed = []

    def check(self, ok, what):
        self.checks += 1
        if not ok:
            self.failed.append(what)


def parallel(fn, items):
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(fn, items))


# ---- random events -------------------------------------------------------------------------------

def random_instant(rng):
    t = PERIOD_START + D(minutes=rng.randrange(PERIOD_DAYS * 24 * 60))
    if rng.random() < 0.25:
        # Edges: exactly a local midnight of some zone, or a minute either side of one.
        z, day = rng.choice(EDGE_DAYS) if rng.random() < 0.3 else (rng.choice(ZONES), None)
        t = rules.midnight(z, day or rules.day_in(z, t)) + D(minutes=rng.choice([-1, 0, 0, 1]))
    return t


def month_end(year, month):
    return (dt.date(year + month // 12, month % 12 + 1, 1) - D(days=1))


def random_edtf(rng, e):
    d = (PERIOD_START + D(days=rng.randrange(PERIOD_DAYS))).date()
    form = rng.choice(['month', 'interval', 'open', 'date-to-month', 'approx'])
    if form == 'month':
        e['start_text'] = f'{d.year:04d}-{d.month:02d}'
        e['ef'] = e['el'] = d.replace(day=1)
        e['lf'] = e['ll'] = month_end(d.year, d.month)
    elif form == 'interval':
        b = d + D(days=rng.randrange(0, 20))
        e['start_text'] = f'{d.isoformat()}/{b.isoformat()}'
        e['ef'] = e['el'] = d
        e['lf'] = e['ll'] = b
    elif form == 'open':
        e['start_text'] = f'{d.isoformat()}/..'
        e['ef'] = e['el'] = d
        e['lf'] = e['ll'] = None
    elif form == 'date-to-month':
        e['start_text'] = d.isoformat()
        m = d.replace(day=1) + D(days=32 * rng.randrange(1, 3))
        e['end_text'] = f'{m.year:04d}-{m.month:02d}'
        e['ef'] = e['lf'] = d
        e['el'] = m.replace(day=1)
        e['ll'] = month_end(m.year, m.month)
    else:
        # `~` widens a month by 15 days each side (README, imprecise dates).
        e['start_text'] = f'{d.year:04d}-{d.month:02d}~'
        e['ef'] = e['el'] = d.replace(day=1) - D(days=15)
        e['lf'] = e['ll'] = month_end(d.year, d.month) + D(days=15)


def random_dated(rng, i, kinds=('timed', 'allday')):
    e = {'id': f'e{i:04d}', 'zone': rng.choice(ZONES), 'kind': rng.choice(kinds)}
    if e['kind'] == 'timed':
        e['start'] = random_instant(rng)
        e['end'] = e['start'] + rng.choice([D(0), D(minutes=30), D(hours=2), D(hours=23), D(hours=25), D(days=3)])
        if rng.random() < 0.2:
            # Ends exactly at a local midnight of the event's zone (half-open: not on the next day).
            e['end'] = rules.midnight(e['zone'], rules.day_in(e['zone'], e['start']) + D(days=rng.randrange(1, 3)))
    else:
        e['first'] = (PERIOD_START + D(days=rng.randrange(PERIOD_DAYS))).date()
        if rng.random() < 0.08:
            e['zone'], e['first'] = rng.choice(EDGE_DAYS)
            e['first'] -= D(days=rng.choice([0, 0, 1]))
        e['last'] = e['first'] + D(days=rng.choice([0, 0, 1, 2, 4]))
    return e


def random_undated(rng, i, anchors):
    """An undated event placed only by one relation to a dated anchor (or by none)."""
    e = {'id': f'u{i:04d}', 'zone': rng.choice(ZONES), 'kind': 'undated'}
    a = rng.choice(anchors)
    kind = rng.choice(['after', 'after', 'before', 'during', 'during', 'contains', 'none'])
    if kind == 'none':
        e['relations'] = []
    elif kind in ('after', 'before'):
        gap = {}
        if rng.random() < 0.7:
            gap['min'] = rng.choice(['0d', '1d', '12h', '90m', '3d'])
        if rng.random() < 0.7:
            gap['max'] = rng.choice(['1d', '2d', '30d', '36h'])
            if 'min' in gap and rules.parse_gap(gap['max']) < rules.parse_gap(gap['min']):
                gap['max'] = gap['min']
        e['relations'] = [{'type': kind, 'event': a['id'], 'gap': gap}]
    else:
        e['relations'] = [{'type': kind, 'event': a['id']}]
    return e


# ---- part 1: counts ------------------------------------------------------------------------------

def counts_calendar(rng, n):
    events = [random_dated(rng, i) for i in range(n)]
    for i in range(n // 4):
        e = {'id': f'x{i:04d}', 'zone': rng.choice(ZONES), 'kind': 'edtf'}
        random_edtf(rng, e)
        events.append(e)
    anchors = list(events[:n])
    events += [random_undated(rng, i, anchors) for i in range(n // 4)]
    return events


def naive_text(t):
    return t.strftime('%Y-%m-%dT%H:%M')


def unique_local(rng, zone):
    """A naive local minute that names exactly one instant in the zone."""
    while True:
        naive = random_instant(rng).replace(tzinfo=None, second=0)
        if rules.local_to_utc(zone, naive) is not None:
            return naive


def exact_day(p, ref):
    """The civil date counted at a point, when it is one day (JSON from_date / to_date)."""
    lo, hi = rules.days_span(p, ref)
    return lo.isoformat() if lo is not None and lo == hi else None


def inside_instant(rng, target):
    start, end = rules.start_utc(target), rules.end_utc(target)
    if end <= start:
        return start
    return start + D(seconds=rng.randrange(int((end - start).total_seconds())))


def under_way(target, frm, ref):
    """U1: the point counted from lies within a dated target: (day, days) of the target's days in
    the reference zone, else None. An instant within [start, end); a date after the first day and
    on or before the last."""
    first, last, _, _ = rules.days_of(target, ref)
    days = (last - first).days + 1
    if frm[0] == 'instant':
        start, end = rules.start_utc(target), rules.end_utc(target)
        if not (start <= frm[1] < end):
            return None
        day = min(max(rules.day_in(ref, frm[1]), first), last)
        return (day - first).days + 1, days
    if frm[1] is None or frm[1] != frm[2]:
        return None
    d = frm[1]
    if d <= first or d > last:
        return None
    return (d - first).days + 1, days


def count_cases(rng, events, windows, n):
    by_id = {e['id']: e for e in events}
    ids = list(by_id)
    cases = []
    for k in range(n):
        target = by_id[rng.choice(ids)]
        tz = rng.choice([None, None] + ZONES)
        tz_env = rng.choice(['UTC', 'UTC', NOT_A_ZONE] + ZONES)
        args = ['until', target['id']]
        if tz:
            args += ['--tz', tz]
        ref = tz or target['zone']
        how = rng.choice(['now-offset', 'now-local', 'event', 'event', 'event-start', 'date', 'datetime-local', 'datetime-offset'])
        inside = target['kind'] in ('timed', 'allday') and rng.random() < 0.3
        if how.startswith('now'):
            clock_zone = tz or (tz_env if tz_env != NOT_A_ZONE else 'UTC')  # C6
            if how == 'now-local':
                naive = unique_local(rng, clock_zone)
                args += ['--now', naive_text(naive)]
                frm = ('instant', rules.local_to_utc(clock_zone, naive))
            else:
                t = (inside_instant(rng, target) if inside else random_instant(rng)).replace(second=0)
                off = rng.choice([0, 9, -5, 14, -11])
                args += ['--now', (t + D(hours=off)).strftime('%Y-%m-%dT%H:%M') + (f'{off:+03d}:00' if off else 'Z')]
                frm = ('instant', t)
        else:
            args += ['--now', '2025-01-01T00:00Z']  # never used
            if how.startswith('event'):
                src = by_id[rng.choice(ids)]
                side = 'start' if how == 'event-start' else 'end'
                args += ['--from', src['id']] + (['--from-start'] if side == 'start' else [])
                frm = rules.point(src, side, ref, windows.get(src['id']))
            elif how == 'date':
                d = (inside_instant(rng, target) if inside else random_instant(rng)).date()
                args += ['--from', d.isoformat()]
                frm = ('days', d, d)
            elif how == 'datetime-local':
                naive = unique_local(rng, ref)
                args += ['--from', naive_text(naive)]
                frm = ('instant', rules.local_to_utc(ref, naive))
            else:
                t = random_instant(rng).replace(second=0)
                args += ['--from', naive_text(t) + 'Z']
                frm = ('instant', t)
        lo, hi, elapsed = rules.until(target, frm, ref, windows.get(target['id']))
        uw = under_way(target, frm, ref) if target['kind'] in ('timed', 'allday') else None
        to = rules.point(target, 'start', ref, windows.get(target['id']))
        cases.append((args, tz_env, {'zone': ref, 'min': lo, 'max': hi, 'elapsed': elapsed, 'under_way': uw,
                                     'dates': (exact_day(frm, ref), exact_day(to, ref))}))
    chronological = sorted(ids, key=lambda i: rules.order_key(by_id[i], windows.get(i)))
    for k in range(n // 2):
        a, b = rng.sample(ids, 2)
        if rng.random() < 0.4:
            # Neighbours on the UTC line: touching and overlapping pairs.
            k = rng.randrange(len(chronological) - 1)
            a, b = chronological[k], chronological[k + 1]
        tz = rng.choice([None, None] + ZONES)
        first, second, overlap, (lo, hi, elapsed), ref = rules.between(by_id[a], by_id[b], tz, windows)
        args = ['between', a, b] + (['--tz', tz] if tz else [])
        frm = rules.point(by_id[first], 'start' if overlap else 'end', ref, windows.get(first))
        to = rules.point(by_id[second], 'start', ref, windows.get(second))
        # When they overlap, what is under way is the first event, as the second starts.
        uw = under_way(by_id[first], to, ref) if overlap and by_id[first]['kind'] in ('timed', 'allday') else None
        cases.append((args, 'UTC', {'zone': ref, 'min': lo, 'max': hi, 'elapsed': elapsed, 'first': first,
                                    'second': second, 'overlap': overlap, 'under_way': uw,
                                    'dates': (exact_day(frm, ref), exact_day(to, ref))}))
    return cases


def got_under_way(j):
    u = j.get('under_way')
    if not u:
        return None
    return u.get('day'), u.get('days')


def run_counts(binary, work, report, scale):
    rng = random.Random(SEEDS['counts'])
    events = counts_calendar(rng, 160)
    windows = rules.windows_of(events)
    path = os.path.join(work, 'counts.yaml')
    write_fixture(path, events)
    dipcal = Dipcal(binary, path)
    cases = count_cases(rng, events, windows, 1000 * scale)

    def one(case):
        args, tz_env, want = case
        try:
            return case, dipcal.json(args, tz_env), None
        except Exception as exc:  # a refusal is a disagreement too
            return case, None, str(exc)

    for (args, tz_env, want), got, err in parallel(one, cases):
        what = f"TZ={tz_env} dipcal {' '.join(args)}"
        if err:
            report.check(False, f'{what}: {err}')
            continue
        have = {'zone': got.get('zone'), 'min': got.get('calendar_days_min'), 'max': got.get('calendar_days_max'),
                'elapsed': got.get('elapsed_seconds')}
        expect = {k: want[k] for k in have}
        if 'first' in want:
            have.update(first=got.get('first'), second=got.get('second'), overlap=got.get('overlap'))
            expect.update(first=want['first'], second=want['second'], overlap=want['overlap'])
        have['under_way'], expect['under_way'] = got_under_way(got), want['under_way']
        have['dates'], expect['dates'] = (got.get('from_date'), got.get('to_date')), want['dates']
        exact = want['min'] if want['min'] is not None and want['min'] == want['max'] else None
        have['days'], expect['days'] = got.get('calendar_days'), exact
        report.check(have == expect, f'{what}: expected {expect}, got {have}')
    return len(cases)


# ---- part 2: days of list, agenda and export ics --------------------------------------------------

def days_calendar(rng):
    events = [random_dated(rng, i) for i in range(120)]
    for i in range(40):
        e = {'id': f'x{i:04d}', 'zone': rng.choice(ZONES), 'kind': 'edtf'}
        random_edtf(rng, e)
        events.append(e)
    events += [random_undated(rng, i, events[:120]) for i in range(40)]
    return events


def random_range(rng, max_days):
    first = (PERIOD_START + D(days=rng.randrange(-10, PERIOD_DAYS + 10))).date()
    return first, first + D(days=rng.randrange(0, max_days))


def run_days(binary, work, report, scale):
    rng = random.Random(SEEDS['days'])
    events = days_calendar(rng)
    windows = rules.windows_of(events)
    by_id = {e['id']: e for e in events}
    path = os.path.join(work, 'days.yaml')
    write_fixture(path, events)
    dipcal = Dipcal(binary, path)
    jobs = []
    for k in range(60 * scale):
        frm, to = random_range(rng, 40)
        # A range open on one side keeps everything on or after --from, or on or before --to.
        side = rng.random()
        frm, to = (None, to) if side < 0.15 else (frm, None) if side < 0.3 else (frm, to)
        jobs.append(('list', frm, to, rng.choice(ZONES)))
    for k in range(60 * scale):
        frm, to = random_range(rng, 6)
        jobs.append(('agenda', frm, to, rng.choice(ZONES)))
    for k in range(30 * scale):
        frm, to = random_range(rng, 20)
        jobs.append(('ics', frm, to, rng.choice(ZONES)))

    def one(job):
        cmd, frm, to, tz = job
        base = ['--tz', tz] + (['--from', frm.isoformat()] if frm else []) + (['--to', to.isoformat()] if to else [])
        if cmd == 'list':
            return job, dipcal.json(['list'] + base)
        if cmd == 'agenda':
            return job, dipcal.json(['agenda'] + base)
        out = os.path.join(work, f'export-{frm}-{to}-{tz.replace("/", "_")}.ics')
        p = dipcal.run(['export', 'ics'] + base + ['-o', out])
        if p.returncode != 0:
            raise RuntimeError(f'export ics {base}: exit {p.returncode}: {p.stderr}')
        with open(out, encoding='utf-8') as f:
            return job, f.read()

    for (cmd, frm, to, tz), got in parallel(one, jobs):
        what = f'{cmd} --tz {tz} --from {frm} --to {to}'
        if cmd == 'list':
            want = {e['id'] for e in events if rules.meets_range(e, tz, frm, to, windows.get(e['id']))}
            have = {j['id'] for j in got}
            report.check(have == want, f'{what}: missing {sorted(want - have)}, extra {sorted(have - want)}')
            # Chronological: by start on the UTC line, windows by their earliest possible start, ties by id.
            order = [j['id'] for j in got]
            expect = sorted(order, key=lambda i: rules.order_key(by_id[i], windows.get(i)))
            report.check(order == expect, f'{what}: order {order}, expected {expect}')
            # README, JSON: start_utc/end_utc, for all-day events local midnight of the first day and
            # after the last; null for events without fixed dates.
            for j in got:
                e = by_id[j['id']]
                want_utc = (rules.start_utc(e), rules.end_utc(e)) if e['kind'] in ('timed', 'allday') else (None, None)
                have_utc = (parse_utc(j.get('start_utc')), parse_utc(j.get('end_utc')))
                report.check(have_utc == want_utc, f'{what}: {e["id"]} start_utc/end_utc {have_utc}, expected {want_utc}')
        elif cmd == 'agenda':
            have_days = {d['date']: {ev['id']: ('possible' if ev.get('possible') else 'certain') for ev in d['events']} for d in got}
            day = frm
            while day <= to:
                want = {e['id']: m for e in events if (m := rules.on_day(e, tz, day, windows.get(e['id'])))}
                have = have_days.get(day.isoformat())
                report.check(have == want, f'{what}: {day}: expected {sorted(want.items())}, got {sorted((have or {}).items())}')
                day += D(days=1)
        else:
            check_ics(report, what, got, events, by_id, windows, tz, frm, to)
    return len(jobs)


def ics_days(vevent, tz):
    start = ics_time(vevent['DTSTART'])
    end = ics_time(vevent['DTEND']) if 'DTEND' in vevent else start
    if isinstance(start, dt.date) and not isinstance(start, dt.datetime):
        return start, (end - D(days=1)) if end > start else start
    last = start if end == start else end - rules.SECOND
    return rules.day_in(tz, start), rules.day_in(tz, last)


def ics_id(vevent):
    for key in ('X-DIPCAL-ID', 'X-DIPCAL-EVENT'):
        if key in vevent:
            return vevent[key][1]
    raise KeyError('no X-DIPCAL-ID in a VEVENT')


def check_ics(report, what, text, events, by_id, windows, tz, frm, to):
    """Dated events: exactly those on the range, each on its own days (D1, D2). Windows: see
    ICS_WINDOWS below."""
    got = {}
    for v in ics_events(text):
        got[ics_id(v)] = v
    dated_want = {e['id'] for e in events if e['kind'] in ('timed', 'allday') and rules.meets_range(e, tz, frm, to)}
    dated_have = {i for i in got if by_id[i]['kind'] in ('timed', 'allday')}
    report.check(dated_have == dated_want, f'export ics {what}: missing {sorted(dated_want - dated_have)}, extra {sorted(dated_have - dated_want)}')
    for i in dated_have & dated_want:
        first, last, _, _ = rules.days_of(by_id[i], tz)
        report.check(ics_days(got[i], tz) == (first, last), f'export ics {what}: {i} on {ics_days(got[i], tz)}, expected {(first, last)}')
    windows_want = {e['id'] for e in events if e['kind'] not in ('timed', 'allday')
                    and rules.meets_range(e, tz, frm, to, windows.get(e['id'])) and not rules.ics_left_out(e, windows.get(e['id']))}
    windows_have = {i for i in got if by_id[i]['kind'] not in ('timed', 'allday')}
    report.check(windows_have == windows_want, f'export ics {what}: windows missing {sorted(windows_want - windows_have)}, '
                                               f'extra {sorted(windows_have - windows_want)}')
    for i in windows_have:
        # A window is written TENTATIVE (E1), over its span or as a marker (E2).
        v = got[i]
        status = v.get('STATUS', ({}, ''))[1]
        report.check(status == 'TENTATIVE', f'export ics {what}: window {i} is {status or "without STATUS"}, expected TENTATIVE')
        entry, text = rules.ics_entry(by_id[i], windows.get(i))
        start = ics_time(v['DTSTART'])
        end = ics_time(v['DTEND']) if 'DTEND' in v else None
        have = ('timed', start, end) if isinstance(start, dt.datetime) else ('date', start) if end == start + D(days=1) else ('date', start, end)
        report.check(have == entry, f'export ics {what}: window {i} written as {have}, expected {entry}')
        have_text = v.get('X-DIPCAL-WINDOW', ({}, None))[1]
        report.check(have_text == text, f'export ics {what}: window {i} X-DIPCAL-WINDOW {have_text}, expected {text}')


# ---- part 3: same-day ----------------------------------------------------------------------------

def run_same_day(binary, work, report, scale):
    rng = random.Random(SEEDS['same-day'])
    events, pairs = [], []
    # The cases of issue 14, by hand: 00:10 EDT and 23:50 EST on Sun 1 Nov 2026 (a 25-hour day) are
    # the same day; all-day 8 Nov in Kiritimati (UTC+14) and in Pago Pago (UTC-11) keep their dates;
    # 00:10 EDT on 1 Nov and 00:00 EST on 2 Nov are not.
    ny = lambda i, text: {'id': f'h{i}', 'zone': 'America/New_York', 'kind': 'timed', 'start': dt.datetime.fromisoformat(text),
                          'end': dt.datetime.fromisoformat(text)}
    day8 = lambda i, z: {'id': f'h{i}', 'zone': z, 'kind': 'allday', 'first': dt.date(2026, 11, 8), 'last': dt.date(2026, 11, 8)}
    for a, b, z in [(ny(0, '2026-11-01T04:10+00:00'), ny(1, '2026-11-02T04:50+00:00'), 'America/New_York'),
                    (day8(2, 'Pacific/Kiritimati'), day8(3, 'Pacific/Pago_Pago'), 'UTC'),
                    (ny(4, '2026-11-01T04:10+00:00'), ny(5, '2026-11-02T05:00+00:00'), 'America/New_York')]:
        a['relations'] = [{'type': 'same-day', 'event': b['id'], 'zone': z}]
        pairs.append((a, b, z))
    for k in range(250 * scale):
        z = rng.choice(ZONES)
        a = random_dated(rng, 2 * k)
        b = random_dated(rng, 2 * k + 1)
        if rng.random() < 0.6:
            # Put b's start on a's start date in z (or a day off), near the day's edges.
            day = rules.start_date(a, z) + D(days=rng.choice([0, 0, 0, 1, -1]))
            if b['kind'] == 'allday':
                b['first'] = day
                b['last'] = day + D(days=rng.choice([0, 1]))
            else:
                lo = rules.midnight(z, day)
                hi = rules.midnight(z, day + D(days=1))
                b['start'] = rng.choice([lo, hi - D(minutes=1), hi - D(seconds=1), lo + (hi - lo) / 2, lo + D(minutes=10)]).replace(microsecond=0)
                b['end'] = b['start'] + D(hours=1)
        a['relations'] = [{'type': 'same-day', 'event': b['id'], 'zone': z}]
        events += [a, b]
        pairs.append((a, b, z))
    # check stops at the first conflict of the network, so each pair has a fixture of its own.
    def one(k):
        a, b, z = pairs[k]
        path = os.path.join(work, f'same-day-{k:03d}.yaml')
        write_fixture(path, [a, b])
        return k, Dipcal(binary, path).run(['check'])

    for k, p in parallel(one, range(len(pairs))):
        a, b, z = pairs[k]
        want = rules.same_day(a, b, z)
        out = (p.stdout + p.stderr).strip()
        have = p.returncode == 0
        ok = have == want and (have or 'same-day' in out)
        report.check(ok, f"same-day {a['id']} ({rules.start_date(a, z)} in {z}) and {b['id']} ({rules.start_date(b, z)}): "
                         f"expected {'accepted' if want else 'refused'}, check exited {p.returncode}: {out[:300]}")
    return len(pairs)


# ---- part 4: windows of random networks ------------------------------------------------------------

def random_network(rng, k):
    """6 events placed by a hidden solution; relations chosen to hold there, so it is consistent."""
    base = PERIOD_START + D(days=rng.randrange(PERIOD_DAYS - 30))
    events, hidden = [], {}
    for i in range(6):
        e = {'id': f'n{k:03d}-{i}', 'zone': rng.choice(ZONES), 'kind': rng.choice(['timed', 'allday', 'edtf', 'undated', 'undated'])}
        t = base + D(minutes=rng.randrange(20 * 24 * 60))
        d = rules.day_in(e['zone'], t)
        if e['kind'] == 'timed':
            e['start'], e['end'] = t, t + D(hours=rng.choice([0, 1, 5, 30]))
            hidden[e['id']] = (e['start'], e['end'])
        elif e['kind'] == 'allday':
            e['first'], e['last'] = d, d + D(days=rng.choice([0, 1, 2]))
            hidden[e['id']] = (e['first'], e['last'] + D(days=1))
        elif e['kind'] == 'edtf':
            lo = d - D(days=rng.randrange(0, 6))
            hi = d + D(days=rng.randrange(0, 6))
            e['start_text'] = f'{lo.isoformat()}/{hi.isoformat()}'
            e['ef'] = e['el'] = lo
            e['lf'] = e['ll'] = hi
            hidden[e['id']] = (d, d + D(days=1))
        else:
            hidden[e['id']] = (t, t + D(hours=rng.choice([0, 2, 48])))
        e['relations'] = []
        events.append(e)
    whole = {e['id']: e['kind'] in ('allday', 'edtf') for e in events}
    by_id = {e['id']: e for e in events}

    def instant(i, which):
        v = hidden[i][which]
        if isinstance(v, dt.datetime):
            return v
        return rules.midnight(by_id[i]['zone'], v)

    def diff(a, wa, b, wb):
        """t(b) - t(a) in seconds, or in days between whole-day events."""
        if whole[a] and whole[b]:
            return (hidden[b][wb] - hidden[a][wa]).days, 'd'
        return int((instant(b, wb) - instant(a, wa)).total_seconds()), 's'

    for _ in range(rng.randrange(4, 9)):
        a, b = rng.sample([e['id'] for e in events], 2)
        t = rng.choice(['before', 'after', 'prepares', 'follows-up', 'STARTTOSTART', 'during', 'contains'])
        if t in ('during', 'contains'):
            inner, outer = (a, b) if t == 'during' else (b, a)
            if diff(outer, 0, inner, 0)[0] < 0 or diff(inner, 1, outer, 1)[0] < 0:
                continue
            by_id[a]['relations'].append({'type': t, 'event': b})
            continue
        i, wi, j, wj = {'before': (a, 1, b, 0), 'prepares': (a, 1, b, 0), 'after': (b, 1, a, 0),
                        'follows-up': (b, 1, a, 0), 'STARTTOSTART': (a, 0, b, 0)}[t]
        g, unit = diff(i, wi, j, wj)
        if g < 0:
            continue
        gap = {}
        if unit == 'd':
            if rng.random() < 0.6:
                gap['min'] = f'{rng.randrange(0, g + 1)}d'
            if rng.random() < 0.6:
                gap['max'] = f'{g + rng.randrange(0, 3)}d'
        else:
            hours = g // 3600
            if rng.random() < 0.6:
                gap['min'] = f'{rng.randrange(0, hours + 1)}h'
            if rng.random() < 0.6:
                gap['max'] = f'{hours + 1 + rng.randrange(0, 30)}h'
        by_id[a]['relations'].append({'type': t, 'event': b, 'gap': gap})
    return events


def run_windows(binary, work, report, scale):
    rng = random.Random(SEEDS['windows'])
    networks = [random_network(rng, k) for k in range(120 * scale)]

    def one(k):
        path = os.path.join(work, f'network-{k:03d}.yaml')
        write_fixture(path, networks[k])
        p = Dipcal(binary, path).run(['windows', '--json'])
        return k, p

    for k, p in parallel(one, range(len(networks))):
        events = networks[k]
        w = rules.windows_of(events)
        want = {i: (x['es'], x['ls'], x['ee'], x['le']) for i, x in w.items()}
        what = f'windows of network {k} ({os.path.join(work, f"network-{k:03d}.yaml")})'
        if p.returncode != 0:
            report.check(False, f'{what}: exit {p.returncode}: {(p.stdout + p.stderr).strip()[:400]}')
            continue
        have = {j['id']: tuple(parse_utc(j[f]) for f in ('earliest_start_utc', 'latest_start_utc', 'earliest_end_utc', 'latest_end_utc'))
                for j in json.loads(p.stdout)}
        for i in want:
            report.check(have.get(i) == want[i], f'{what}: {i}: expected {fmt_w(want[i])}, got {fmt_w(have.get(i))}')
    return len(networks)


def fmt_w(w):
    if w is None:
        return 'nothing'
    return '[' + ', '.join('open' if x is None else x.strftime('%Y-%m-%dT%H:%MZ') for x in w) + ']'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dipcal')
    ap.add_argument('work')
    ap.add_argument('--scale', type=int, default=1, help='multiply the number of cases')
    ap.add_argument('--parts', default='counts,days,same-day,windows')
    ap.add_argument('--show', type=int, default=25, help='failures printed')
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    report = Report()
    parts = {'counts': run_counts, 'days': run_days, 'same-day': run_same_day, 'windows': run_windows}
    for name in a.parts.split(','):
        before_checks, before_failed = report.checks, len(report.failed)
        runs = parts[name](a.dipcal, a.work, report, a.scale)
        print(f'{name} (seed {SEEDS[name]}): {runs} runs or cases, {report.checks - before_checks} checks, '
              f'{len(report.failed) - before_failed} failed')
    for what in report.failed[:a.show]:
        print('FAIL', what)
    if len(report.failed) > a.show:
        print(f'... and {len(report.failed) - a.show} more')
    print(f'{report.checks} checks, {len(report.failed)} failed')
    return 1 if report.failed else 0


if __name__ == '__main__':
    sys.exit(main())
