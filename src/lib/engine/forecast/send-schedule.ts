/**
 * When a broadcast goes out: all at one instant, or spread evenly over a window in send order (the
 * first recipient at the window's start, the last at its end). A recipient's place in the list is a
 * fraction from 0 to 1: its index over the count for a plan, its byte offset for a streamed file.
 */
import type { EpochMs } from '$lib/domain/units';

export type SendSchedule = { kind: 'at'; at: EpochMs } | { kind: 'window'; from: EpochMs; to: EpochMs };

export const scheduleStart = (s: SendSchedule): EpochMs => (s.kind === 'at' ? s.at : s.from);
export const scheduleEnd = (s: SendSchedule): EpochMs => (s.kind === 'at' ? s.at : s.to);

/** The send time at a place in the list (0: first recipient, 1: last), to the millisecond. */
export function sendTimeAt(s: SendSchedule, fraction: number): EpochMs {
	if (s.kind === 'at') return s.at;
	const f = fraction <= 0 ? 0 : fraction >= 1 ? 1 : fraction;
	return (s.from + Math.round((s.to - s.from) * f)) as EpochMs;
}

/** Why the schedule cannot be used; null when it can. */
export function scheduleError(s: SendSchedule): string | null {
	if (s.kind === 'at') return Number.isFinite(s.at) ? null : 'Send time: enter a date and a time.';
	if (!Number.isFinite(s.from) || !Number.isFinite(s.to)) return 'Send window: enter its start and end.';
	if (s.to <= s.from) return 'Send window: the end must come after the start.';
	return null;
}
