/** Small words and roundings for the timeline's chrome: zone name, dense-view summary, drag snapping. */
import { formatLocal, pad2 } from '$lib/domain/format';
import { asEpochMs, asMicros, formatMicros, MINUTE, type EpochMs } from '$lib/domain/units';
import type { TimelineMark } from './lanes';
import type { Domain } from './scale';

/** A dragged message lands on a whole minute: scenario times are written to the minute. */
export const snapToMinute = (t: number): EpochMs => asEpochMs(Math.round(t / MINUTE) * MINUTE);

/**
 * A pointer-placed playhead lands on a whole minute when a pixel spans 15 s or more, else on a whole
 * second: a drag can still reach every instant the zoom resolves, and the slider's text never
 * reads "08:24:55.345".
 */
export function snapPlayhead(t: number, msPerPx: number): EpochMs {
	const unit = msPerPx >= MINUTE / 4 ? MINUTE : 1000;
	return asEpochMs(Math.round(t / unit) * unit);
}

/** "Asia/Jakarta (UTC+07:00)". */
export function zoneLabel(timeZone: string, offsetMs: number): string {
	const min = Math.round(Math.abs(offsetMs) / MINUTE);
	return `${timeZone} (UTC${offsetMs < 0 ? '−' : '+'}${pad2(Math.floor(min / 60))}:${pad2(min % 60)})`;
}

/**
 * What a screen reader gets instead of thousands of canvas marks: counts and money in view, and how
 * to reach single messages (zoom in until they become focusable buttons again).
 */
export function denseSummary(marks: readonly TimelineMark[], currency: string): string {
	const count: Record<string, number> = {};
	let charged = 0;
	for (const m of marks) {
		count[m.outcome] = (count[m.outcome] ?? 0) + 1;
		if (m.outcome === 'charged') charged += m.charge;
	}
	const n = (k: string) => count[k] ?? 0;
	return (
		`${marks.length.toLocaleString('en')} messages in view: ${n('received')} from the customer, ` +
		`${n('charged')} charged (${formatMicros(asMicros(charged))} ${currency}), ` +
		`${n('included') + n('free')} without charge, ${n('blocked')} blocked, ${n('failed')} failed. ` +
		`Zoom in to reach each message with the keyboard.`
	);
}

/** "Tue 12 Sep 2023 06:00 – 14:00", or both dates when the view spans days; to the minute. */
export function rangeLabel(domain: Domain, timeZone: string): string {
	const [a, b] = domain.map((t) => formatLocal(snapToMinute(t), timeZone));
	const day = (s = '') => s.slice(0, s.lastIndexOf(' '));
	return day(a) === day(b) ? `${a} – ${(b ?? '').slice((b ?? '').lastIndexOf(' ') + 1)}` : `${a} – ${b}`;
}
