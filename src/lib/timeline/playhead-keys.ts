/**
 * The playhead slider's keyboard, after the WAI-ARIA slider pattern: arrows step a minute (Shift: an
 * hour), Page Up/Down a day, Home/End jump to the scenario's start and end.
 */
import { formatLocal } from '$lib/domain/format';
import { asEpochMs, DAY, HOUR, MINUTE, type EpochMs } from '$lib/domain/units';

export interface KeyLike {
	key: string;
	shiftKey?: boolean;
}

/** The new playhead for a key, clamped to [min, max]; null when the key is not the slider's. */
export function playheadForKey(e: KeyLike, value: number, min: number, max: number): EpochMs | null {
	const small = e.shiftKey ? HOUR : MINUTE;
	let next: number;
	switch (e.key) {
		case 'ArrowRight':
		case 'ArrowUp':
			next = value + small;
			break;
		case 'ArrowLeft':
		case 'ArrowDown':
			next = value - small;
			break;
		case 'PageUp':
			next = value + DAY;
			break;
		case 'PageDown':
			next = value - DAY;
			break;
		case 'Home':
			next = min;
			break;
		case 'End':
			next = max;
			break;
		default:
			return null;
	}
	return asEpochMs(Math.min(max, Math.max(min, next)));
}

/** "Tue 12 Sep 2023 12:05, Asia/Jakarta": the time in words, in the scenario's zone, named. */
export const playheadValueText = (t: EpochMs, timeZone: string): string =>
	`${formatLocal(t, timeZone)}, ${timeZone}`;
