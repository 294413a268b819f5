/**
 * Calendar arithmetic in an IANA zone with Intl only (shared/ has no dependencies): the seed's
 * "dès le lendemain" means the next local midnight in the institution's zone, DST included.
 */
function zonedParts(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of local midnight that starts the day after `instant` in `timeZone`. */
export function startOfNextLocalDay(instant: Date, timeZone: string): Date {
  const p = zonedParts(instant, timeZone);
  const naiveUtc = Date.UTC(p.year, p.month - 1, p.day + 1, 0, 0, 0);
  // Two passes settle the offset when midnight sits next to a DST change.
  let guess = naiveUtc - offsetMs(new Date(naiveUtc), timeZone);
  guess = naiveUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}
