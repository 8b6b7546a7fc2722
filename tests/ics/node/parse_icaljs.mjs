// Reads an iCalendar file with ical.js (npm, Mozilla's parser behind Thunderbird's web clients) and
// prints one JSON line per VEVENT: {"uid", "start", "end", "summary"}, times as UTC ("…Z") or, for
// VALUE=DATE, as the date. dipcal's VTIMEZONEs are registered with ICAL.TimezoneService first:
// ical.js silently reads a TZID it does not know as floating time.
//
// Usage: node parse_icaljs.mjs FILE.ics   (the last line is "N passed, N failed")
import ICAL from "ical.js";
import { readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else {
    failed++;
    console.error(`FAIL ${what}`);
  }
};

const text = readFileSync(process.argv[2], "utf8");
let calendar;
try {
  calendar = new ICAL.Component(ICAL.parse(text));
  check(true, "parse");
} catch (e) {
  check(false, `parse: ${e}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
  const tzid = vtimezone.getFirstPropertyValue("tzid");
  ICAL.TimezoneService.register(vtimezone);
  check(ICAL.TimezoneService.has(tzid), `VTIMEZONE ${tzid} registered`);
}

const show = (time) => {
  if (!time) return null;
  if (time.isDate) return time.toString();  // YYYY-MM-DD
  return new Date(time.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");
};

for (const vevent of calendar.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  const tzid = vevent.getFirstProperty("dtstart").getParameter("tzid");
  // A TZID that did not resolve leaves the time floating: the bug the registration prevents.
  if (tzid) check(start.zone && start.zone.tzid === tzid, `${event.uid}: DTSTART zone ${tzid} resolved (got ${start.zone && start.zone.tzid})`);
  const end = vevent.hasProperty("dtend") || vevent.hasProperty("duration") ? event.endDate : null;
  console.log(JSON.stringify({ uid: event.uid, start: show(start), end: show(end), summary: event.summary }));
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
