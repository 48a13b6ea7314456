import { describe, expect, it } from 'vitest';
import { asEpochMs, DAY, HOUR, MINUTE } from '$lib/domain/units';
import { playheadForKey, playheadValueText } from './playhead-keys';

const T = Date.parse('2023-09-12T12:05+07:00');
const MIN = T - 10 * DAY;
const MAX = T + 10 * DAY;
const key = (k: string, shiftKey = false) => playheadForKey({ key: k, shiftKey }, T, MIN, MAX);

describe('playheadForKey', () => {
	it('steps a minute with the arrows, an hour with Shift, a day with Page Up/Down', () => {
		expect(key('ArrowRight')).toBe(T + MINUTE);
		expect(key('ArrowUp')).toBe(T + MINUTE);
		expect(key('ArrowLeft')).toBe(T - MINUTE);
		expect(key('ArrowDown')).toBe(T - MINUTE);
		expect(key('ArrowRight', true)).toBe(T + HOUR);
		expect(key('ArrowLeft', true)).toBe(T - HOUR);
		expect(key('PageUp')).toBe(T + DAY);
		expect(key('PageDown')).toBe(T - DAY);
	});
	it('jumps to the ends with Home/End and clamps at them', () => {
		expect(key('Home')).toBe(MIN);
		expect(key('End')).toBe(MAX);
		expect(playheadForKey({ key: 'PageUp' }, MAX - HOUR, MIN, MAX)).toBe(MAX);
	});
	it('ignores other keys', () => {
		expect(key('a')).toBeNull();
		expect(key('Tab')).toBeNull();
	});
});

describe('playheadValueText', () => {
	it('says the time in words in the scenario zone, naming it', () => {
		expect(playheadValueText(asEpochMs(T), 'Asia/Jakarta')).toBe('Tue 12 Sep 2023 12:05, Asia/Jakarta');
		expect(playheadValueText(asEpochMs(T), 'America/Sao_Paulo')).toBe(
			'Tue 12 Sep 2023 02:05, America/Sao_Paulo'
		);
	});
});
