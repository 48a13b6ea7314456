/**
 * Wall-clock time in the scenario's zone ↔ instants, for the editor's datetime-local inputs and for
 * writing event times with the zone's offset (so an exported scenario reads in local time).
 */
import { zoneOffsetMs, zonedParts, SUPPORTED_YEARS } from './time';
import { asEpochMs, type EpochMs } from './units';

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2023-09-12T12:00" (seconds when present): the value a datetime-local input shows for t in the zone. */
export function toLocalInput(t: EpochMs, timeZone: string): string {
	const p = zonedParts(t, timeZone);
	const secs = p.second ? `:${pad(p.second)}` : '';
	return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}${secs}`;
}

/**
 * A datetime-local value read as wall-clock time in the zone → the instant, or null when the text is
 * not a date and time or names a wall-clock time that does not exist there (a DST gap).
 */
export function parseLocalInput(text: string, timeZone: string): EpochMs | null {
	const m = LOCAL_INPUT.exec(text.trim());
	if (!m) return null;
	const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
		number,
		number,
		number,
		number,
		number,
		number
	];
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
	// Date.UTC reads years 0–99 as 1900–1999 (0050 would become 1950): only supported years pass.
	if (y < SUPPORTED_YEARS.from || y > SUPPORTED_YEARS.to) return null;
	const wall = Date.UTC(y, mo - 1, d, h, mi, s);
	if (new Date(wall).getUTCDate() !== d) return null; // 31 Feb and the like
	// Two passes settle DST: the offset at the first guess may differ from the one at the answer.
	let t = wall - zoneOffsetMs(asEpochMs(wall), timeZone);
	t = wall - zoneOffsetMs(asEpochMs(t), timeZone);
	return toLocalInput(asEpochMs(t), timeZone) === toLocalInput(asEpochMs(wall), 'UTC') ? asEpochMs(t) : null;
}

/** "2023-09-12T12:00:00+07:00": the instant written with the zone's offset, as scenario files hold it. */
export function isoInZone(t: EpochMs, timeZone: string): string {
	const offsetMin = Math.round(zoneOffsetMs(t, timeZone) / 60_000);
	const p = zonedParts(t, timeZone);
	const ms = ((t % 1000) + 1000) % 1000;
	const frac = ms ? `.${pad(ms, 3)}` : '';
	const sign = offsetMin < 0 ? '-' : '+';
	const off = `${sign}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;
	return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${frac}${off}`;
}

/** Why a datetime-local value cannot be used, in words for the field's error; null when it can. */
export function localInputError(text: string, timeZone: string): string | null {
	if (text.trim() === '') return 'Enter a date and a time.';
	if (!LOCAL_INPUT.test(text.trim())) return 'Enter the date and time as YYYY-MM-DD HH:MM.';
	if (parseLocalInput(text, timeZone) === null)
		return `${text.replace('T', ' ')} does not exist in ${timeZone} (the clocks skip it, or the date is not real).`;
	return null;
}
