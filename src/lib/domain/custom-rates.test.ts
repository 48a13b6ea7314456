import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RATE_CSV_BYTES, parseRateCardCsv } from './custom-rates';

describe('rate card CSV import', () => {
	it('reads market,category,rate rows', () => {
		const r = parseRateCardCsv(
			'market,category,rate\nIndonesia,marketing,0.05\r\n"Rest of Africa",utility,0.0031\n'
		);
		expect(r).toEqual({
			ok: true,
			rows: [
				{ market: 'Indonesia', category: 'marketing', rate: '0.05' },
				{ market: 'Rest of Africa', category: 'utility', rate: '0.0031' }
			]
		});
	});
	it.each([
		['market,rate\nIndonesia,0.05', 1, /header "market,category,rate"/],
		['market,category,rate\n', 2, /only a header/],
		['market,category,rate\nAtlantis,marketing,0.05', 2, /unknown market "Atlantis"/],
		['market,category,rate\nIndonesia,promo,0.05', 2, /unknown category "promo"/],
		['market,category,rate\nIndonesia,marketing,-1', 2, /not a decimal/],
		['market,category,rate\nIndonesia,marketing,0.0000001', 2, /at most 6 decimals/],
		['market,category,rate\nIndonesia,marketing', 2, /expected 3 columns/],
		['market,category,rate\nIndonesia,marketing,0.05\nIndonesia,marketing,0.06', 3, /appears twice/],
		['market,category,rate\n"Indonesia,marketing,0.05', 0, /not a CSV file|expected 3 columns/]
	])('%j → error on line %i', (text, line, message) => {
		const r = parseRateCardCsv(text);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors[0]?.message).toMatch(message);
			if (line) expect(r.errors[0]?.line).toBe(line);
		}
	});
	it('refuses a file over the size limit before parsing', () => {
		const r = parseRateCardCsv('x'.repeat(MAX_RATE_CSV_BYTES + 1));
		expect(r.ok).toBe(false);
	});
	it('never throws, whatever the text', () => {
		fc.assert(
			fc.property(
				fc.string({ maxLength: 300 }),
				(text) => void parseRateCardCsv(`market,category,rate\n${text}`)
			)
		);
	});
});
