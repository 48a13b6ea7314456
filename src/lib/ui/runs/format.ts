/** How the runs library shows dates and money. "Updated" is the user's own clock, not a scenario's zone. */
import { formatMoney } from '$lib/domain/format';
import type { RunRecord } from '$lib/storage/records';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "Today, 14:05", "Yesterday, 09:12", else "12 Mar 2025, 14:05" (in the user's locale). */
export function formatUpdated(ms: number, now: number = Date.now()): string {
	const d = new Date(ms);
	const today = new Date(now);
	const sameDay = (a: Date, b: Date) =>
		a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
	if (sameDay(d, today)) return `Today, ${timeOnly.format(d)}`;
	const yesterday = new Date(today);
	yesterday.setDate(today.getDate() - 1);
	if (sameDay(d, yesterday)) return `Yesterday, ${timeOnly.format(d)}`;
	return dateTime.format(d);
}

export const formatFull = (ms: number): string => dateTime.format(new Date(ms));

export const runTotal = (run: Pick<RunRecord, 'summary'>): string =>
	formatMoney(run.summary.total, run.summary.currency);

/** "cbp-2023-06" stays an id in tables (short); "mixed" reads as words. */
export const regimeLabel = (regime: string): string => (regime === 'mixed' ? 'several regimes' : regime);
