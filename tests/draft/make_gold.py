#!/usr/bin/python3
"""Writes tests/draft/gold.jsonl: wire-style sentences with their expected normalised values.

The expected values are worked out here from the calendar (Python's datetime and zoneinfo), by the
rules a desk editor applies, independently of dipcal's code: it never runs dipcal. Each sentence is
written out in full below or built from a template whose value is computed from its publication date:

  past tense + weekday         the one just gone, or the publication day ("said on Sunday")
  future tense + weekday       the coming one, 0..6 days ahead ("will meet on Thursday"; a report
                               filed on a Sunday says "on Sunday evening" for that evening)
  month and day, no year       the nearest year, except that past tense does not reach more than a
                               week ahead and future tense not more than a week back
  "last/this/next week"        ISO weeks, Monday to Sunday, as an EDTF interval
  "next month", "early Nov."   EDTF: "2025-11", "2025-11-01/2025-11-10" (early 1-10, mid 11-20, late 21-end)
  a time                       local time with its UTC offset in the stated zone (the dateline's for
                               "local time" or none), "Z" when the offset is zero
  "N days before X"            a relation with its gap, "before P4D"; never a date
  durations                    ISO 8601, normalised: "PT1H40M", "P2D"

Run it again after editing; the file is committed so that a reader can see every expected value.
"""
import datetime as dt
import json
import pathlib
import zoneinfo

OUT = pathlib.Path(__file__).with_name("gold.jsonl")
D = dt.date
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

# Publication days and datelines: (date, zone, dateline city).
REFS = [
    (D(2025, 10, 26), "Asia/Kuala_Lumpur", "Kuala Lumpur"),   # a Sunday
    (D(2025, 10, 29), "Asia/Seoul", "Busan"),                 # a Wednesday
    (D(2025, 11, 21), "Africa/Johannesburg", "Johannesburg"), # a Friday
    (D(2025, 6, 23), "Europe/Amsterdam", "The Hague"),        # a Monday
    (D(2025, 9, 23), "America/New_York", "New York"),         # a Tuesday
    (D(2025, 12, 30), "Europe/London", "London"),             # a Tuesday, at the turn of the year
    (D(2026, 1, 3), "Europe/Brussels", "Brussels"),           # a Saturday
    (D(2025, 11, 13), "America/Belem", "Belem"),              # a Thursday
]

rows = []


def add(sentence, ref, expected):
    day, zone, _ = ref
    rows.append({"id": f"s{len(rows) + 1:03}", "sentence": sentence, "published": day.isoformat(), "zone": zone,
                 "expected": expected})


def iso(d):
    return d.isoformat()


def past_weekday(pub, wd):
    return pub - dt.timedelta(days=(pub.weekday() - wd) % 7)


def future_weekday(pub, wd):
    return pub + dt.timedelta(days=(wd - pub.weekday()) % 7)


def nearest_weekday(pub, wd):
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    return pub - dt.timedelta(days=back) if back <= ahead else pub + dt.timedelta(days=ahead)


def month_day(pub, month, day, tense):
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cands.append(D(y, month, day))
        except ValueError:
            pass
    ok = [c for c in cands if not (tense == "past" and (c - pub).days > 7) and not (tense == "future" and (c - pub).days < -7)]
    return min(ok or cands, key=lambda c: abs((c - pub).days))


def month_add(y, m, k):
    i = y * 12 + m - 1 + k
    return i // 12, i % 12 + 1


def last_day(y, m):
    ny, nm = month_add(y, m, 1)
    return (D(ny, nm, 1) - dt.timedelta(days=1)).day


def week(pub, k):
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=7 * k)
    return monday, monday + dt.timedelta(days=6)


def interval(a, b):
    return iso(a) if a == b else f"{iso(a)}/{iso(b)}"


def local(d, h, m, zone):
    if zone == "Z":
        return f"{iso(d)}T{h:02}:{m:02}Z"
    off = dt.datetime(d.year, d.month, d.day, h, m, tzinfo=zoneinfo.ZoneInfo(zone)).utcoffset()
    if off == dt.timedelta(0):
        return f"{iso(d)}T{h:02}:{m:02}Z"
    sign = "+" if off >= dt.timedelta(0) else "-"
    minutes = abs(int(off.total_seconds())) // 60
    return f"{iso(d)}T{h:02}:{m:02}{sign}{minutes // 60:02}:{minutes % 60:02}"


SUBJECTS = ["Foreign ministers", "The two delegations", "Negotiators", "Senior officials", "The envoys", "Trade ministers",
            "The leaders", "Diplomats"]

# ---------------------------------------------------------------------------------------------
# Weekdays by tense.
for i, ref in enumerate(REFS):
    pub = ref[0]
    for wd in range(7):
        subj = SUBJECTS[(i + wd) % len(SUBJECTS)]
        add(f"{subj} said on {WEEKDAYS[wd]} that the talks had been constructive.", ref, [iso(past_weekday(pub, wd))])
for i, ref in enumerate(REFS):
    pub = ref[0]
    for wd in (0, 2, 3, 4, 5):
        subj = SUBJECTS[(i + wd + 3) % len(SUBJECTS)]
        add(f"{subj} will meet again on {WEEKDAYS[wd]} in {ref[2]}.", ref, [iso(future_weekday(pub, wd))])
for i, ref in enumerate(REFS):
    pub = ref[0]
    wd = (pub.weekday() + 2) % 7
    add(f"The summit is due to open on {WEEKDAYS[wd]}, officials said.", ref, [iso(future_weekday(pub, wd))])
    wd = (pub.weekday() + 5) % 7
    add(f"On {WEEKDAYS[wd]}, the ministers signed a joint statement.", ref, [iso(past_weekday(pub, wd))])
    add(f"The envoy arrived last {WEEKDAYS[(pub.weekday() + 3) % 7]} and left the next morning.", ref,
        [iso(pub - dt.timedelta(days=((pub.weekday() - (pub.weekday() + 3) % 7) % 7) or 7))])
    nxt = (pub.weekday() + 4) % 7
    add(f"A vote is scheduled for next {WEEKDAYS[nxt]}.", ref,
        [iso(pub + dt.timedelta(days=((nxt - pub.weekday()) % 7) or 7))])

# ---------------------------------------------------------------------------------------------
# Explicit dates in their usual spellings.
for i, ref in enumerate(REFS):
    pub = ref[0]
    target = pub + dt.timedelta(days=4 + i)
    m, d = target.month, target.day
    add(f"The leaders will meet on {MONTHS[m - 1]} {d} in Geneva.", ref, [iso(month_day(pub, m, d, "future"))])
    add(f"Talks are expected to resume on {ABBR[m - 1]} {d}.", ref, [iso(month_day(pub, m, d, "future"))])
    add(f"The ministers will travel to Cairo on {d} {MONTHS[m - 1]}.", ref, [iso(month_day(pub, m, d, "future"))])
    add(f"The deadline falls on {MONTHS[m - 1]} {d}, {target.year}.", ref, [iso(target)])
    add(f"The accord was first drafted on {d} {ABBR[m - 1].rstrip('.')} {target.year - 1}.", ref, [iso(D(target.year - 1, m, d))])
    before = pub - dt.timedelta(days=9 + i)
    add(f"The ceasefire was agreed on {MONTHS[before.month - 1]} {before.day}.", ref,
        [iso(month_day(pub, before.month, before.day, "past"))])
    add(f"Officials met on {ABBR[before.month - 1]} {before.day} to review the text.", ref,
        [iso(month_day(pub, before.month, before.day, "past"))])
    add(f"The agreement signed on {iso(before)} remains in force.", ref, [iso(before)])
    wd = WEEKDAYS[target.weekday()]
    add(f"The summit opens on {wd}, {MONTHS[m - 1]} {d}.", ref, [iso(month_day(pub, m, d, "future"))])
    ordinal = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(d, "th")
    add(f"The envoy is due in Moscow on {MONTHS[m - 1]} {d}{ordinal}.", ref, [iso(month_day(pub, m, d, "future"))])

# The day of the month alone.
for i, ref in enumerate(REFS):
    pub = ref[0]
    for delta, tense, text in ((3, "future", "The foreign ministers will meet on the {o}, the spokesman said."),
                               (-4, "past", "The council met on the {o} and adjourned without a vote.")):
        day = pub + dt.timedelta(days=delta)
        n = day.day
        o = f"{n}{ {1: 'st', 2: 'nd', 3: 'rd', 21: 'st', 22: 'nd', 23: 'rd', 31: 'st'}.get(n, 'th') }"
        add(text.format(o=o), ref, [iso(day)])

# ---------------------------------------------------------------------------------------------
# Days, weeks, months and years relative to publication.
for i, ref in enumerate(REFS):
    pub = ref[0]
    one = dt.timedelta(days=1)
    add("The foreign minister will fly to Brussels tomorrow.", ref, [iso(pub + one)])
    add("Talks ended yesterday without a joint statement.", ref, [iso(pub - one)])
    add("The prime minister is meeting her counterpart today.", ref, [iso(pub)])
    add("Negotiators met late last week in a hotel outside the capital.", ref, [interval(*week(pub, -1))])
    add("A further round of talks is planned for next week.", ref, [interval(*week(pub, 1))])
    add("The delegations will exchange drafts this week.", ref, [interval(*week(pub, 0))])
    if pub.weekday() != 6:
        add("The two presidents are expected to speak by phone later this week.", ref,
            [interval(pub + one, week(pub, 0)[1])])
    if pub.weekday() != 0:
        add("Earlier this week, the envoys exchanged letters.", ref, [interval(week(pub, 0)[0], pub - one)])
    ny, nm = month_add(pub.year, pub.month, 1)
    ly, lm = month_add(pub.year, pub.month, -1)
    add("The alliance will hold a summit next month.", ref, [f"{ny:04}-{nm:02}"])
    add("The ministers last met last month in Rome.", ref, [f"{ly:04}-{lm:02}"])
    add("A decision is expected early next month.", ref, [f"{ny:04}-{nm:02}-01/{ny:04}-{nm:02}-10"])
    add("The treaty will be signed later this month, diplomats said.", ref,
        [interval(pub + one, D(pub.year, pub.month, last_day(pub.year, pub.month)))])
    add("Elections are due next year.", ref, [f"{pub.year + 1}"])
    add("The bloc's leaders met in Lisbon last year.", ref, [f"{pub.year - 1}"])
    add("The two sides held six rounds of talks this year.", ref, [f"{pub.year}"])
    add("Three weeks ago the two sides broke off talks.", ref, [iso(pub - dt.timedelta(days=21))])
    add("The envoy said talks had collapsed two days ago.", ref, [iso(pub - dt.timedelta(days=2))])
    add("A final text is expected in ten days, the mediator said.", ref, [iso(pub + dt.timedelta(days=10))])

# Named months and parts of them.
for i, ref in enumerate(REFS):
    pub = ref[0]
    ny, nm = month_add(pub.year, pub.month, 1)
    add(f"The next round will take place in early {MONTHS[nm - 1]}.", ref, [f"{ny:04}-{nm:02}-01/{ny:04}-{nm:02}-10"])
    add(f"A summit is planned for mid-{MONTHS[nm - 1]}.", ref, [f"{ny:04}-{nm:02}-11/{ny:04}-{nm:02}-20"])
    add(f"Ratification is expected in late {MONTHS[nm - 1]}.", ref,
        [f"{ny:04}-{nm:02}-21/{ny:04}-{nm:02}-{last_day(ny, nm):02}"])
    add(f"Parliament will debate the accord in {MONTHS[nm - 1]} {ny}.", ref, [f"{ny:04}-{nm:02}"])
    py, pm = month_add(pub.year, pub.month, -2)
    add(f"The framework was first proposed in {MONTHS[pm - 1]}.", ref, [f"{py:04}-{pm:02}"])

# ---------------------------------------------------------------------------------------------
# Times, with and without zones.
for i, ref in enumerate(REFS):
    pub, zone, city = ref
    wd = (pub.weekday() + 1) % 7
    day = future_weekday(pub, wd)
    add(f"The leaders will meet at 11 a.m. local time on {WEEKDAYS[wd]}.", ref, [local(day, 11, 0, zone)])
    add(f"The talks will begin on {WEEKDAYS[wd]} at 10:30 GMT.", ref, [local(day, 10, 30, "Z")])
    add(f"The call is scheduled for 3 p.m. on {WEEKDAYS[wd]}, officials said.", ref, [local(day, 15, 0, zone)])
    t = pub + dt.timedelta(days=2)
    add(f"Voting opens at 7 a.m. on {MONTHS[t.month - 1]} {t.day} and closes at 9 p.m.", ref,
        [local(t, 7, 0, zone), local(t, 21, 0, zone)])
    add("The ministers met for breakfast at 8:15 a.m. ET today.", ref, [local(pub, 8, 15, "America/New_York")])
    add(f"The statement was released at noon on {WEEKDAYS[past_weekday(pub, (pub.weekday() + 6) % 7).weekday()]}.", ref,
        [local(past_weekday(pub, (pub.weekday() + 6) % 7), 12, 0, zone)])

# ---------------------------------------------------------------------------------------------
# Ranges.
for i, ref in enumerate(REFS):
    pub = ref[0]
    a = pub + dt.timedelta(days=5)
    b = a + dt.timedelta(days=1 + i % 3)
    if a.month == b.month:
        add(f"The summit will be held on {ABBR[a.month - 1]} {a.day}–{b.day}.", ref, [interval(a, b)])
        add(f"The conference runs from {a.day} to {b.day} {MONTHS[a.month - 1]}.", ref, [interval(a, b)])
    else:
        add(f"The summit will be held {ABBR[a.month - 1]} {a.day}–{ABBR[b.month - 1]} {b.day}.", ref, [interval(a, b)])
        add(f"The conference runs from {MONTHS[a.month - 1]} {a.day} to {MONTHS[b.month - 1]} {b.day}.", ref,
            [interval(a, b)])
    add(f"Ministers will gather between {MONTHS[a.month - 1]} {a.day} and {MONTHS[b.month - 1]} {b.day}.", ref,
        [interval(a, b)])
add("The summit will be held Oct 31–Nov 1 in Gyeongju.", REFS[0], ["2025-10-31/2025-11-01"])
add("COP30 runs from November 10 to November 21 in Belem.", REFS[7], ["2025-11-10/2025-11-21"])
add("Leaders met in Johannesburg on 22–23 November.", REFS[2], ["2025-11-22/2025-11-23"])
add("The Hague summit is set for June 24-25.", REFS[3], ["2025-06-24/2025-06-25"])

# ---------------------------------------------------------------------------------------------
# Durations.
DURATIONS = [
    ("The two leaders held a 100-minute meeting at the air base.", "PT1H40M"),
    ("The G20 will hold a two-day summit in Johannesburg.", "P2D"),
    ("Trump and Putin spoke in a 90-minute phone call.", "PT1H30M"),
    ("The ministers talked for three hours behind closed doors.", "PT3H"),
    ("The president began a three-day state visit to Japan.", "P3D"),
    ("The sides agreed a 24-hour ceasefire to allow aid convoys in.", "P1D"),
    ("The closed session lasted 45 minutes.", "PT45M"),
    ("The envoys concluded four days of talks in Riyadh.", "P4D"),
    ("A week-long visit by the foreign minister has been proposed.", "P7D"),
    ("The foreign ministers held a 20-minute call.", "PT20M"),
    ("A 72-hour truce collapsed within hours.", "P3D"),
    ("The leaders' retreat is a one-day affair.", "P1D"),
]
for i, (s, v) in enumerate(DURATIONS):
    add(s, REFS[i % len(REFS)], [v])
add("The two leaders met on Thursday for a 100-minute meeting.", REFS[1], ["2025-10-23", "PT1H40M"])
add("The two-day summit opens on Saturday.", REFS[2], ["2025-11-22", "P2D"])

# ---------------------------------------------------------------------------------------------
# Relations to other events: never a date counted from publication.
NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 10: "ten", 12: "12", 14: "14"}
EVENTS = ["the summit", "the meeting", "the G20 summit", "a planned meeting between the two leaders", "the NATO summit",
          "the vote", "the ceasefire deadline", "the leaders' call"]
k = 0
for n, word in NUMBERS.items():
    for rel in ("before", "after"):
        ev = EVENTS[k % len(EVENTS)]
        unit = "day" if n == 1 else "days"
        add(f"The agreement came {word} {unit} {rel} {ev}.", REFS[k % len(REFS)], [f"{rel} P{n}D"])
        k += 1
for n, word in ((1, "a"), (2, "two"), (3, "three")):
    add(f"The ministers met {word} week{'s' if n > 1 else ''} before the summit.", REFS[n], [f"before P{7 * n}D"])
    add(f"Talks resumed {word} week{'s' if n > 1 else ''} after the ceasefire.", REFS[n + 2], [f"after P{7 * n}D"])
add("The consensus was reached four days ahead of the Trump–Xi meeting.", REFS[0], ["before P4D"])
add("Three days later, the two sides signed the accord.", REFS[4], ["after P3D"])
add("The foreign ministers met two hours before the leaders' meeting.", REFS[1], ["before PT2H"])
add("The envoys met the day before the summit.", REFS[2], ["before P1D"])
add("A dinner was held on the eve of the summit.", REFS[3], ["before P1D"])
add("The leaders will speak by phone the day after the election.", REFS[4], ["after P1D"])
RELS = [
    ("The talks were held on the sidelines of the ASEAN summit.", "during"),
    ("Xi and Trump met on the sidelines of APEC.", "during"),
    ("The ministers spoke on the margins of the UN General Assembly.", "during"),
    ("The two presidents met during the G20 summit.", "during"),
    ("The agreement lays the groundwork for a leaders' meeting.", "prepares"),
    ("Officials said the talks were paving the way for a summit.", "prepares"),
    ("The deal paves the way for a state visit.", "prepares"),
    ("Negotiators met in Geneva in preparation for the leaders' summit.", "prepares"),
    ("Diplomats met in Vienna ahead of the NATO summit.", "before"),
    ("Following the summit, the ministers issued a joint statement.", "after"),
    ("After the meeting, the president flew to Tokyo.", "after"),
    ("The ministers met in the run-up to the climate conference.", "before"),
    ("Before the vote, the envoy met opposition leaders.", "before"),
    ("In the wake of the ceasefire, aid convoys entered the city.", "after"),
    ("Foreign ministers met on the fringes of the COP30 conference.", "during"),
    ("The pair spoke briefly during the gala dinner.", "during"),
]
for i, (s, v) in enumerate(RELS):
    add(s, REFS[i % len(REFS)], [v])
add("Markets are expected to react when trading resumes.", REFS[0], ["after", "2025-10-27"])
add("Investors will have their say when markets reopen.", REFS[6], ["after", "2026-01-05"])
add("Analysts expect a rally when trading resumes.", REFS[2], ["after", "2025-11-24"])
add("The deal came four days before the Busan meeting on October 30.", REFS[0], ["before P4D", "2025-10-30"])
add("The summit, which opens on Friday, follows talks held two weeks ago.", REFS[1], ["2025-10-31", "2025-10-15"])

# ---------------------------------------------------------------------------------------------
# Written and resolved by hand from the calendar (weekdays checked with datetime): several
# expressions in one sentence, the tense carried by a verb some words away, and a few that a
# desk editor reads but dipcal's rules do not (holiday names).
R = REFS
HAND = [
    (0, "Li told reporters on Sunday that the two sides would meet again in Busan on Thursday.", ["2025-10-26", "2025-10-30"]),
    (0, "The talks, which began on Saturday, ended on Sunday with a preliminary consensus.", ["2025-10-25", "2025-10-26"]),
    (1, "Trump will land at Gimhae at about 10 a.m. on Thursday before meeting Xi.", ["2025-10-30T10:00+09:00"]),
    (1, "Xi arrived in Busan on Wednesday evening, state media reported.", ["2025-10-29"]),
    (2, "The G20 leaders' summit opens on Saturday and closes on Sunday.", ["2025-11-22", "2025-11-23"]),
    (2, "The United States, which holds the presidency next year, boycotted the meeting.", ["2026"]),
    (3, "NATO leaders will gather in The Hague on June 24 and 25.", ["2025-06-24/2025-06-25"]),
    (3, "Allies agreed at the summit to spend 5% of GDP on defence by 2035.", ["2035"]),
    (4, "Trump addressed the General Assembly on Tuesday morning, a day after arriving in New York.", ["2025-09-23", "after P1D"]),
    (4, "The general debate runs until Monday, September 29.", ["2025-09-29"]),
    (5, "The new tariffs take effect on January 1.", ["2026-01-01"]),
    (5, "Officials met on December 22 and will reconvene after the holidays.", ["2025-12-22", "after"]),
    (6, "The envoy returned to Kyiv on Friday after talks in Paris.", ["2026-01-02", "after"]),
    (6, "A ministerial meeting is planned for January 12-13 in Brussels.", ["2026-01-12/2026-01-13"]),
    (7, "Negotiators worked through the night on Wednesday.", ["2025-11-12"]),
    (7, "The conference is scheduled to close on November 21, but talks often run into overtime.", ["2025-11-21"]),
    (7, "Ministers arrive next week for the final, high-level segment.", ["2025-11-17/2025-11-23"]),
    (0, "Asian markets, closed for the weekend, reopen on Monday.", ["2025-10-27"]),
    (1, "The meeting lasted about 100 minutes, a South Korean official said.", ["PT1H40M"]),
    (2, "Ramaphosa said the summit, held for the first time in Africa, was a success.", []),
    (4, "The Security Council will hold an emergency session at 3 p.m. ET on Wednesday.", ["2025-09-24T15:00-04:00"]),
    (0, "Trump is due to leave Kuala Lumpur on Monday for Tokyo, where he meets the new prime minister on Tuesday.",
     ["2025-10-27", "2025-10-28"]),
    (2, "Delegates spent two days of talks haggling over the declaration.", ["P2D"]),
    (6, "The pact was signed in Washington on December 5.", ["2025-12-05"]),
    (6, "A deadline set for mid-January looms.", ["2026-01-11/2026-01-20"]),
    (4, "Leaders will gather again in September 2026.", ["2026-09"]),
    (7, "Brazil's president opened the summit on 6 November.", ["2025-11-06"]),
    (5, "The prime minister will visit Beijing in the new year.", []),
    (1, "The two leaders last met in Osaka in 2019.", ["2019"]),
    (0, "The consensus came a day after talks began at Merdeka 118.", ["after P1D"]),
    (3, "Dutch police closed roads around the venue from Monday to Wednesday.", ["2025-06-23/2025-06-25"]),
    (4, "The president spoke for nearly an hour.", ["PT1H"]),
    (2, "South Africa hands the presidency to the United States on December 1.", ["2025-12-01"]),
    (5, "Talks will resume on 7 January in Geneva.", ["2026-01-07"]),
    (6, "The ministers spoke by telephone on New Year's Day.", ["2026-01-01"]),
    (1, "Officials said the meeting would take place at the Naraemaru pavilion.", []),
    (0, "The ceasefire between Thailand and Cambodia, brokered in July, was formalised on Sunday.", ["2025-07", "2025-10-26"]),
    (4, "Zelensky is expected to meet Trump on the sidelines of the assembly on Tuesday.", ["during", "2025-09-23"]),
    (2, "The declaration was adopted at the start of the summit, breaking with tradition.", []),
    (5, "Markets in London reopen on Friday after the New Year holiday.", ["2026-01-02", "after"]),
    (6, "The foreign ministers meet on Thursday, two days before the summit.", ["2026-01-08", "before P2D"]),
    (7, "The presidency hopes to close the talks by Friday night.", ["2025-11-14"]),
    (3, "Rutte will host a leaders' dinner at the royal palace on Tuesday evening.", ["2025-06-24"]),
    (3, "The summit proper lasts only two and a half hours.", ["PT2H30M"]),
]
for r, sentence, expected in HAND:
    add(sentence, R[r], expected)

# ---------------------------------------------------------------------------------------------
# Sentences with no date, some with words that look like dates.
NONE = [
    "The talks were described as frank and constructive.",
    "China may retaliate if the tariffs are imposed.",
    "Both sides will march in step on climate finance, the envoy said.",
    "The 47th ASEAN Summit drew leaders from across the region.",
    "Washington imposed 10% tariffs under Section 301.",
    "The alliance invoked Article 5 for the first time.",
    "The G20 represents about 85% of the world economy.",
    "Officials declined to give details of the draft.",
    "The ministers discussed rare earths, soybeans and fentanyl.",
    "The spokesman said the door to dialogue remained open.",
    "More than 100 heads of state attended.",
    "The agreement runs to 30 pages.",
    "The president called for calm.",
    "Negotiators have met in Geneva, London, Stockholm and Madrid.",
    "It was the first meeting of the two leaders in six years.",
    "The ceasefire largely held, monitors said.",
    "Diplomats cautioned that much work remained.",
    "The envoy will brief the Security Council.",
    "The European Union welcomed the announcement.",
    "Tariffs of up to 145% had been threatened.",
    "The bloc has 27 members.",
    "The mediators are from Qatar, Egypt and the United States.",
    "The UN chief urged restraint.",
    "The talks are part of a wider effort to ease tensions.",
    "A spokeswoman for the ministry did not respond to a request for comment.",
    "The delegation included 12 ministers.",
    "Sunday Times reporters were barred from the briefing.",
    "The summit's final declaration ran to 122 paragraphs.",
    "Investors are watching closely.",
    "The COP presidency circulated a new draft text.",
]
for i, s in enumerate(NONE):
    add(s, REFS[i % len(REFS)], [])

OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
print(f"{len(rows)} sentences -> {OUT}")
