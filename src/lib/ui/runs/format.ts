/** How the runs library shows dates and money. "Updated" is the user's own clock, not a scenario's zone. */
import { formatMoney } from '$lib/domain/format';
import { isRegimeId, regimeById } from '$lib/domain/regimes';
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

/** A regime's name ("Per-message (July 2025)"), never its id; "mixed" reads as words. */
export function regimeLabel(regime: string): string {
	if (regime === 'mixed') return 'Several regimes';
	return isRegimeId(regime) ? regimeById(regime).label : regime;
}

/** Characters always shown at the end of a long name (room for " (copy 12)"). */
const TAIL = 12;

/**
 * A name in two parts for display: the head may be cut with an ellipsis, the tail never is, so a
 * copy's " (copy)" suffix (or a long name's end) stays visible. Together they are the whole name.
 */
export function splitName(name: string): { head: string; tail: string } {
	const copy = / \(copy(?: \d+)?\)$/.exec(name);
	const cut = copy ? copy.index : name.length <= TAIL * 2 ? name.length : name.length - TAIL;
	// Never between the two halves of a surrogate pair (an emoji).
	const at = /[\uDC00-\uDFFF]/.test(name.charAt(cut)) ? cut - 1 : cut;
	return { head: name.slice(0, at), tail: name.slice(at) };
}
