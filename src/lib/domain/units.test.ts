import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';
import { asMicros, formatAmount, formatMicros } from './units';

describe('money on screen', () => {
	it('always has four decimals, rounded half away from zero', () => {
		expect(formatAmount(asMicros(2_360))).toBe('0.0024');
		expect(formatAmount(asMicros(27_400))).toBe('0.0274');
		expect(formatAmount(asMicros(50))).toBe('0.0001');
		expect(formatAmount(asMicros(49))).toBe('0.0000');
		expect(formatAmount(asMicros(-2_350))).toBe('-0.0024');
		expect(formatAmount(asMicros(12_345_678_900))).toBe('12345.6789');
		expect(formatAmount(asMicros(0))).toBe('0.0000');
	});

	it('takes other widths for charts and summaries', () => {
		expect(formatAmount(asMicros(1_234_567), 2)).toBe('1.23');
		expect(formatAmount(asMicros(1_500_000), 0)).toBe('2');
		expect(formatAmount(asMicros(2_360), 6)).toBe('0.002360');
	});

	it('formatMoney: amounts next to each other read with the same decimals', () => {
		const shown = [2_360, 27_400, 711_000].map((m) => formatMoney(asMicros(m), 'USD'));
		expect(shown).toEqual(['0.0024 USD', '0.0274 USD', '0.7110 USD']);
	});

	it('exports keep the exact amount', () => {
		expect(formatMicros(asMicros(2_360))).toBe('0.00236');
	});
});
