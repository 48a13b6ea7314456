/** Human-readable times and money for reasons, tables and the UI — always in the scenario's zone. */
import { zonedParts } from './time';
import { formatAmount, type EpochMs, type Micros } from './units';

/** Short English month and weekday names: the app's dates read the same in every locale. */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** 7 → "07": hours, minutes, seconds, months and days in written times. */
export const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "Tue 12 Sep 2023 12:00" in the given zone; seconds and milliseconds appear only when present.
 * Built from numeric parts, not Intl's locale text, so reasons read the same in Node and every browser.
 */
export function formatLocal(t: EpochMs, timeZone: string, withWeekday = true): string {
	const p = zonedParts(t, timeZone);
	const weekday = WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()] ?? '';
	const ms = ((t % 1000) + 1000) % 1000;
	const secs = p.second || ms ? `:${pad2(p.second)}${ms ? `.${String(ms).padStart(3, '0')}` : ''}` : '';
	const date = `${p.day} ${MONTHS[p.month - 1] ?? ''} ${p.year}`;
	return `${withWeekday ? `${weekday} ` : ''}${date} ${pad2(p.hour)}:${pad2(p.minute)}${secs}`;
}

/** "0.0274 USD": money on screen, always with DISPLAY_DECIMALS decimals (see formatAmount). */
export const formatMoney = (amount: Micros, currency: string): string =>
	`${formatAmount(amount)} ${currency}`;

/** "23 h 59 min", "2 d 3 h", "45 s": for countdowns and durations in words. */
export function formatDuration(ms: number): string {
	if (ms <= 0) return '0 min';
	const totalMin = Math.floor(ms / 60_000);
	const d = Math.floor(totalMin / 1440);
	const h = Math.floor((totalMin % 1440) / 60);
	const m = totalMin % 60;
	if (d > 0) return h ? `${d} d ${h} h` : `${d} d`;
	if (h > 0) return m ? `${h} h ${m} min` : `${h} h`;
	if (m > 0) return `${m} min`;
	return `${Math.ceil(ms / 1000)} s`;
}
