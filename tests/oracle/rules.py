"""The README's rules for days, counts and windows, written again from its words (never from dipcal's
code), with Python's zoneinfo for zones. The randomized test (test_rules_random.py) and the test
calendar (test_days_agree.py) compare dipcal with these functions.

An event is a dict:
  {'id', 'zone', 'kind': 'timed', 'start': utc datetime, 'end': utc datetime}
  {'id', 'zone', 'kind': 'allday', 'first': date, 'last': date}
  {'id', 'zone', 'kind': 'edtf', 'ef', 'lf', 'el', 'll'}   earliest/latest first day, earliest/latest
                                                             last day (None: open)
  {'id', 'zone', 'kind': 'undated'}
A window is what the temporal network allows an event's points, on the UTC line:
  {'es', 'ls', 'ee', 'le'}  earliest/latest start, earliest/latest end (None: open)

The rules encoded (README "A day's agenda", "Counting days", "Windows", and issue 14):
  D1 A timed event is on every civil day of the zone that its half-open span [start, end) touches;
     an instant (start = end) is on the day it happens.
  D2 An all-day event is on its own dates in every zone.
  D3 An imprecise (EDTF) event is possibly on its own dates from its earliest possible first day to
     its latest possible last day, narrowed by the network window (read in its own zone).
  D4 An undated event is possibly on the days of the zone from its earliest possible start to its
     latest possible end, read like a timed span: the day of the latest end's last second, or the
     day of the latest end itself when it may be an instant there (latest start = latest end).
     An open side is unbounded; an undated event nothing bounds on either side is on no day.
  C1 A count is to_day - from_day in one reference zone: --tz, else the target's zone (for
     `between`, the later event's zone).
  C2 An instant endpoint (timed start/end, now, a --from date-time) is its civil date in the
     reference zone; an all-day endpoint keeps its own date (start: first day, end: last day).
  C3 An EDTF endpoint is the range of its own possible days (start: [ef, lf]; end: [el, ll]).
  C4 An undated endpoint is the range of days, in the reference zone, of the instants its window
     allows for that point: [day(earliest), day(latest)]; a pinned point is an instant. Open: None.
  C5 A range count is [to.earliest - from.latest, to.latest - from.earliest].
  C6 An offset-less --now is read in --tz, else $TZ, else UTC, once for the run.
  C7 `between` orders the events by start on the UTC line (all-day: local midnight of the first
     day; windows: earliest possible start; ties by id), counts from the end of the first to the
     start of the second, or start to start when they overlap; two all-day events overlap when
     their civil dates do, others when the second starts before the first ends.
  E1 `export ics` writes every event the range keeps (D1–D4), windows as STATUS:TENTATIVE, except
     a window whose start is open on either side (docs/ICS.md).
  E2 A window is written over its span when undated and at most 7 days long, else as a one-day
     marker on its earliest possible start day (see ics_entry).
  S1 same-day holds when both starts fall on the same civil date in the relation's zone; an all-day
     event's start is its own first date.
"""

import datetime as dt
from zoneinfo import ZoneInfo

UTC = dt.timezone.utc
SECOND = dt.timedelta(seconds=1)
_zones = {}


def zone(name):
    if name not in _zones:
        _zones[name] = ZoneInfo(name)
    return _zones[name]


def day_in(name, instant):
    """The civil date of a UTC instant in a zone (rule D1, C2)."""
    return instant.astimezone(zone(name)).date()


def midnight(name, day):
    """Local midnight starting `day` in a zone, as a UTC instant (the first valid local time if
    midnight is skipped by a DST change)."""
    local = dt.datetime(day.year, day.month, day.day, tzinfo=zone(name))
    utc = local.astimezone(UTC)
    if utc.astimezone(zone(name)).replace(tzinfo=None) != local.replace(tzinfo=None):
        # Skipped: the day starts at the end of the gap. Find it by stepping a minute at a time.
        probe = dt.datetime(day.year, day.month, day.day, tzinfo=zone(name)).replace(fold=0).astimezone(UTC)
        probe = probe - dt.timedelta(hours=3)
        while day_in(name, probe) < day:
            probe += dt.timedelta(minutes=1)
        return probe
    return local.replace(fold=0).astimezone(UTC)


def local_to_utc(name, naive):
    """A local wall time in a zone; None when it is skipped or repeated (the caller avoids those)."""
    a = naive.replace(tzinfo=zone(name), fold=0).astimezone(UTC)
    b = naive.replace(tzinfo=zone(name), fold=1).astimezone(UTC)
    if a != b:
        return None
    if a.astimezone(zone(name)).replace(tzinfo=None) != naive:
        return None
    return a


def start_utc(e, window=None):
    """Where the event sorts on the UTC line (rule C7)."""
    if e['kind'] == 'timed':
        return e['start']
    if e['kind'] == 'allday':
        return midnight(e['zone'], e['first'])
    if window and window.get('es') is not None:
        return window['es']
    if e['kind'] == 'edtf' and e['ef'] is not None:
        return midnight(e['zone'], e['ef'])
    return None


# ---- days (D1–D4) ------------------------------------------------------------------------------

def days_of(e, zname, window=None):
    """(first, last, possible, placed): the civil days of zone `zname` the event is on."""
    if e['kind'] == 'timed':
        last_instant = e['start'] if e['end'] == e['start'] else e['end'] - SECOND
        return day_in(zname, e['start']), day_in(zname, last_instant), False, True
    if e['kind'] == 'allday':
        return e['first'], e['last'], False, True
    if e['kind'] == 'edtf':
        first, last = e['ef'], e['ll']
        if window and window.get('es') is not None:
            d = day_in(e['zone'], window['es'])
            first = d if first is None else max(first, d)
        if window and window.get('le') is not None:
            d = day_in(e['zone'], window['le'] - SECOND)
            last = d if last is None else min(last, d)
        return first, last, True, True
    es = window.get('es') if window else None
    le = window.get('le') if window else None
    ls = window.get('ls') if window else None
    if es is None and le is None:
        return None, None, True, False
    first = day_in(zname, es) if es is not None else None
    last = None
    if le is not None:
        instant_there = ls is not None and ls >= le
        last = day_in(zname, le if instant_there else le - SECOND)
    return first, last, True, True


def on_day(e, zname, day, window=None):
    """None when not on the day; else 'certain' or 'possible'."""
    first, last, possible, placed = days_of(e, zname, window)
    if not placed:
        return None
    if first is not None and day < first:
        return None
    if last is not None and day > last:
        return None
    return 'possible' if possible else 'certain'


def meets_range(e, zname, frm, to, window=None):
    first, last, possible, placed = days_of(e, zname, window)
    if not placed:
        return False
    if last is not None and frm is not None and last < frm:
        return False
    if first is not None and to is not None and to < first:
        return False
    return True


def ics_left_out(e, window=None):
    """E1: `export ics` leaves out an event without fixed dates whose start is open on either side
    (docs/ICS.md); every other event on the range is written, windows as STATUS:TENTATIVE."""
    if e['kind'] == 'edtf':
        return e['ef'] is None or e['lf'] is None
    if e['kind'] == 'undated':
        return window is None or window.get('es') is None or window.get('ls') is None
    return False


def ics_entry(e, window=None):
    """E2: how `export ics` writes a window it keeps (docs/ICS.md): an undated event whose window,
    earliest start to latest end, spans at most 7 days as a timed entry over it, ('timed', es, le);
    any other window as a one-day marker on its earliest possible start day in its own zone,
    ('date', day). And X-DIPCAL-WINDOW: the days of its own zone it may fall on (D3, D4)."""
    first, last, _, _ = days_of(e, e['zone'], window)
    text = f"{first.isoformat()}/{last.isoformat() if last else '..'}"
    if e['kind'] == 'undated' and window['le'] is not None and window['le'] - window['es'] <= dt.timedelta(days=7):
        return ('timed', window['es'], window['le']), text
    return ('date', first), text


# ---- counts (C1–C7) ----------------------------------------------------------------------------

def point(e, side, ref, window=None):
    """An endpoint as ('instant', t) or ('days', earliest_day_or_None, latest_day_or_None)."""
    k = e['kind']
    if k == 'timed':
        return ('instant', e['start'] if side == 'start' else e['end'])
    if k == 'allday':
        d = e['first'] if side == 'start' else e['last']
        return ('days', d, d)
    if k == 'edtf':
        lo, hi = (e['ef'], e['lf']) if side == 'start' else (e['el'], e['ll'])
        return ('days', lo, hi)
    w = window or {}
    lo, hi = (w.get('es'), w.get('ls')) if side == 'start' else (w.get('ee'), w.get('le'))
    if lo is not None and hi is not None and lo == hi:
        return ('instant', lo)
    return ('days', day_in(ref, lo) if lo is not None else None, day_in(ref, hi) if hi is not None else None)


def days_span(p, ref):
    if p[0] == 'instant':
        d = day_in(ref, p[1])
        return d, d
    return p[1], p[2]


def count(frm, to, ref):
    """(min, max, elapsed_seconds or None)."""
    f0, f1 = days_span(frm, ref)
    t0, t1 = days_span(to, ref)
    lo = (t0 - f1).days if t0 is not None and f1 is not None else None
    hi = (t1 - f0).days if t1 is not None and f0 is not None else None
    elapsed = None
    if frm[0] == 'instant' and to[0] == 'instant':
        elapsed = int((to[1] - frm[1]).total_seconds())
    return lo, hi, elapsed


def until(target, frm_point, ref, window=None):
    return count(frm_point, point(target, 'start', ref, window), ref)


def overlapping(first, second, w1=None, w2=None):
    if first['kind'] == 'allday' and second['kind'] == 'allday':
        return second['first'] <= first['last']
    if first['kind'] in ('timed', 'allday') and second['kind'] in ('timed', 'allday'):
        return start_utc(second) < end_utc(first)
    return False


def end_utc(e):
    if e['kind'] == 'timed':
        return e['end']
    if e['kind'] == 'allday':
        return midnight(e['zone'], e['last'] + dt.timedelta(days=1))
    return None


def order_key(e, window=None):
    s = start_utc(e, window)
    return (s is None, s or dt.datetime.min.replace(tzinfo=UTC), e['id'])


def between(a, b, tz, windows):
    """(first id, second id, overlap, (min, max, elapsed), ref zone)."""
    first, second = sorted([a, b], key=lambda e: order_key(e, windows.get(e['id'])))
    ref = tz or second['zone']
    overlap = overlapping(first, second)
    side = 'start' if overlap else 'end'
    frm = point(first, side, ref, windows.get(first['id']))
    to = point(second, 'start', ref, windows.get(second['id']))
    return first['id'], second['id'], overlap, count(frm, to, ref), ref


# ---- same-day (S1) -----------------------------------------------------------------------------

def start_date(e, zname):
    if e['kind'] == 'allday':
        return e['first']
    return day_in(zname, e['start'])


def same_day(a, b, zname):
    return start_date(a, zname) == start_date(b, zname)


# ---- windows (the temporal network) ------------------------------------------------------------
#
#  W1 Every event has a start and an end point; the end is no earlier than the start.
#  W2 A timed event pins both points; an all-day event pins them to local midnight of its first day
#     and local midnight after its last day, in its zone.
#  W3 Whole days stay whole (issue 14): an imprecise event's points are days of its own zone
#     (its start midnight of a day in [ef, lf], its end midnight after a day in [el, ll]).
#  W4 A relation bounds the difference of two points (README's relation table); between two all-day
#     or imprecise events it compares their civil days, in whole days, whatever their zones; between
#     an all-day and a timed event, instants (local midnight).
#  W5 Each point's window is its tightest bounds: propagated to a fixpoint as Bellman–Ford does,
#     with a day point's bound rounded to the midnights it can take.

INF = None


class Network:
    """Points are instants (seconds since the epoch) or days of a zone (ordinal day numbers whose
    instant is that zone's local midnight). Constraints: T(j) - T(i) <= c seconds, or, between
    two day points, j - i <= c days."""

    def __init__(self):
        self.kind = []   # None for an instant point, else the zone of a day point
        self.lo = []
        self.hi = []
        self.cons = []   # (i, j, c, 'inst'|'day')

    def add(self, zone_or_none, lo=None, hi=None):
        self.kind.append(zone_or_none)
        self.lo.append(lo)
        self.hi.append(hi)
        return len(self.kind) - 1

    def at_most(self, i, j, c, unit='inst'):
        """T(j) - T(i) <= c."""
        self.cons.append((i, j, c, unit))

    def instant(self, v, value):
        z = self.kind[v]
        if z is None:
            return value
        return int(midnight(z, dt.date.fromordinal(value)).timestamp())

    def floor(self, v, seconds):
        """The latest value of v whose instant is <= seconds."""
        z = self.kind[v]
        if z is None:
            return seconds
        return day_in(z, dt.datetime.fromtimestamp(seconds, UTC)).toordinal()

    def ceil(self, v, seconds):
        z = self.kind[v]
        if z is None:
            return seconds
        d = day_in(z, dt.datetime.fromtimestamp(seconds, UTC)).toordinal()
        return d if self.instant(v, d) >= seconds else d + 1

    def solve(self, rounds=200):
        """True when the bounds reach a fixpoint with lo <= hi everywhere."""
        for _ in range(rounds):
            changed = False
            for i, j, c, unit in self.cons:
                if unit == 'day':
                    if self.hi[i] is not None:
                        b = self.hi[i] + c
                        if self.hi[j] is None or b < self.hi[j]:
                            self.hi[j], changed = b, True
                    if self.lo[j] is not None:
                        b = self.lo[j] - c
                        if self.lo[i] is None or b > self.lo[i]:
                            self.lo[i], changed = b, True
                    continue
                if self.hi[i] is not None:
                    b = self.floor(j, self.instant(i, self.hi[i]) + c)
                    if self.hi[j] is None or b < self.hi[j]:
                        self.hi[j], changed = b, True
                if self.lo[j] is not None:
                    b = self.ceil(i, self.instant(j, self.lo[j]) - c)
                    if self.lo[i] is None or b > self.lo[i]:
                        self.lo[i], changed = b, True
            for v in range(len(self.kind)):
                if self.lo[v] is not None and self.hi[v] is not None and self.lo[v] > self.hi[v]:
                    return False
            if not changed:
                return True
        return False

    def bounds_utc(self, v):
        f = lambda x: None if x is None else dt.datetime.fromtimestamp(self.instant(v, x), UTC)
        return f(self.lo[v]), f(self.hi[v])


def parse_gap(text):
    n, unit = int(text[:-1]), text[-1]
    return n * {'d': 86400, 'h': 3600, 'm': 60, 's': 1}[unit]


def network_of(events):
    """rules.Network over the events (W1–W5), and each event's (start, end) point."""
    net = Network()
    points = {}
    for e in events:
        k = e['kind']
        if k == 'timed':
            s, f = int(e['start'].timestamp()), int(e['end'].timestamp())
            points[e['id']] = (net.add(None, s, s), net.add(None, f, f))
        elif k == 'allday':
            # Pinned whole days of its zone.
            s, f = e['first'].toordinal(), e['last'].toordinal() + 1
            points[e['id']] = (net.add(e['zone'], s, s), net.add(e['zone'], f, f))
        elif k == 'edtf':
            o = lambda d, plus=0: None if d is None else d.toordinal() + plus
            points[e['id']] = (net.add(e['zone'], o(e['ef']), o(e['lf'])), net.add(e['zone'], o(e['el'], 1), o(e['ll'], 1)))
        else:
            points[e['id']] = (net.add(None), net.add(None))
        s, f = points[e['id']]
        net.at_most(f, s, 0)  # end no earlier than start
    whole = {e['id']: e['kind'] in ('allday', 'edtf') for e in events}
    for e in events:
        for r in e.get('relations', []):
            add_relation(net, points, whole, e['id'], r)
    return net, points


def add_relation(net, points, whole, a, r):
    """README's relation table as bounds; between two whole-day events, in days (W4)."""
    b = r['event']
    (sa, ea), (sb, eb) = points[a], points[b]
    day = whole[a] and whole[b]
    unit, scale = ('day', 86400) if day else ('inst', 1)
    gap = r.get('gap') or {}
    lo = parse_gap(gap['min']) // scale if 'min' in gap else 0
    hi = parse_gap(gap['max']) // scale if 'max' in gap else None
    t = r['type']
    pairs = {'before': (ea, sb), 'prepares': (ea, sb), 'after': (eb, sa), 'follows-up': (eb, sa),
             'STARTTOSTART': (sa, sb), 'FINISHTOFINISH': (ea, eb), 'STARTTOFINISH': (sa, eb)}
    if t in pairs:
        i, j = pairs[t]
        net.at_most(j, i, -lo, unit)  # t(j) - t(i) >= lo
        if hi is not None:
            net.at_most(i, j, hi, unit)
    elif t == 'during':
        net.at_most(sa, sb, 0, unit)  # start(B) <= start(A)
        net.at_most(eb, ea, 0, unit)  # end(A) <= end(B)
    elif t == 'contains':
        net.at_most(sb, sa, 0, unit)
        net.at_most(ea, eb, 0, unit)
    else:
        raise ValueError(t)


def windows_of(events):
    net, points = network_of(events)
    if not net.solve():
        raise RuntimeError('the generated network has no solution')
    out = {}
    for e in events:
        s, f = points[e['id']]
        es, ls = net.bounds_utc(s)
        ee, le = net.bounds_utc(f)
        out[e['id']] = {'es': es, 'ls': ls, 'ee': ee, 'le': le}
    return out
