import { describe, expect, it } from 'vitest';
import { countryOptions, resolveMarket } from './markets';
import { sampleNumber } from './sample-number';

describe('sampleNumber', () => {
	it('maps every country with a calling code to its own market', () => {
		const date = '2026-12-03';
		for (const c of countryOptions(date)) {
			const n = sampleNumber(c.iso2, 123);
			if (n === null) {
				expect(['BV', 'HM', 'UM']).toContain(c.iso2);
				continue;
			}
			expect(n).toMatch(/^\+\d{11,15}$/);
			expect(resolveMarket(n, date).market, `${c.iso2} ${n}`).toBe(c.market);
		}
		expect(resolveMarket(sampleNumber('US', 1)!, date).isUnitedStates).toBe(true);
		expect(resolveMarket(sampleNumber('CA', 1)!, date).isUnitedStates).toBe(false);
	});
});
