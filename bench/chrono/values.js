// chrono-node on the gold set: reads "id<TAB>published<TAB>zone<TAB>sentence" lines and writes
// "id<TAB>value" in the normal form of tests/draft/score.py, so that both tools are scored alike.
// The reference is the publication day at noon in the dateline's zone, with that zone's offset.
//
//   a result with a certain hour   local date-time with its offset ("2025-10-30T11:00+09:00", "Z" for 0)
//   a result with an end           "start/end" (dates)
//   otherwise                      the start's date
'use strict';
const chrono = require('chrono-node');
const readline = require('readline');

function offsetMinutes(zone, instant) {
  // The zone's UTC offset at `instant`, from Intl (ICU's tzdata).
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(instant);
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

const pad = (n) => String(n).padStart(2, '0');
const ymd = (c) => `${c.get('year')}-${pad(c.get('month'))}-${pad(c.get('day'))}`;

function dateTime(component, fallbackOffset) {
  const offset = component.isCertain('timezoneOffset') ? component.get('timezoneOffset') : fallbackOffset;
  const local = new Date(component.date().getTime() + offset * 60000);
  const text = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  if (offset === 0) return `${text}Z`;
  const sign = offset > 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${text}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const out = [];
const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const [id, published, zone, sentence] = line.split('\t');
  const noonUtc = new Date(`${published}T12:00:00Z`);
  const offset = offsetMinutes(zone, noonUtc);
  const instant = new Date(noonUtc.getTime() - offset * 60000);
  for (const r of chrono.parse(sentence, { instant, timezone: offset })) {
    let value;
    if (r.start.isCertain('hour')) value = dateTime(r.start, offset);
    else if (r.end) value = `${ymd(r.start)}/${ymd(r.end)}`;
    else value = ymd(r.start);
    out.push(`${id}\t${value}`);
  }
});
rl.on('close', () => process.stdout.write(out.length ? `${out.join('\n')}\n` : ''));
