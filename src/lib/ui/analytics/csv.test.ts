/** CSV export of the analytics page: formula-looking cells neutralised, quoting per RFC 4180. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/domain/csv';
import { csvCell, toCsv } from './csv';
import { creditsTable, historyTable } from './view';

describe('csv', () => {
	it('neutralises cells a spreadsheet would run as formulas', () => {
		for (const bad of ['=1+1', '+44', '-2', '@SUM(A1)', '\tx']) expect(csvCell(bad)).toBe(`'${bad}`);
		expect(csvCell('\rx')).toBe(`"'\rx"`);
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
	});
	it('leaves plain text and numbers alone and quotes commas, quotes and line breaks', () => {
		expect(csvCell('Marketing')).toBe('Marketing');
		expect(csvCell(-2)).toBe('-2');
		expect(csvCell(null)).toBe('');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('a\nb')).toBe('"a\nb"');
	});
	it('round-trips through a CSV reader', () => {
		const rows = [
			['Period', 'Name'],
			['2025-09', '=cmd'],
			['2025-10', 'say "hi", then go']
		];
		expect(parseCsv(toCsv(rows))).toEqual([
			['Period', 'Name'],
			['2025-09', "'=cmd"],
			['2025-10', 'say "hi", then go']
		]);
	});
	it('tables what the charts show', () => {
		const t = { charged: 2, free: 1, cost: 1_500_000, billed: null, billedCost: null };
		const zero = { charged: 0, free: 0, cost: 0, billed: null, billedCost: null };
		const bucket = {
			key: '2025-09',
			byCategory: {
				marketing: t,
				utility: zero,
				authentication: zero,
				authentication_international: zero,
				service: zero
			},
			cost: 1_500_000,
			billedCost: null
		} as never;
		expect(creditsTable([bucket])).toEqual([
			['Month', 'Category', 'Charged messages', 'Free messages'],
			['2025-09', 'Marketing', 2, 1]
		]);
		expect(historyTable([bucket], 'USD')[1]).toEqual([
			'2025-09',
			'1.50',
			'0.00',
			'0.00',
			'0.00',
			'0.00',
			'1.50'
		]);
	});
});
