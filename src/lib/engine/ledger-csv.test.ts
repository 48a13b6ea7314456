import { describe, expect, it } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import { ledgerCsvFileName, ledgerToCsv, LEDGER_CSV_HEADER } from './ledger-csv';
import { replay } from './replay';

describe('ledger CSV', () => {
	const uc = useCaseById('multiple-conversations')!;
	const ledger = replay(uc.scenario);
	const lines = ledgerToCsv(ledger).split('\r\n');

	it('has a header and one row per message, in input order', () => {
		expect(lines[0]).toBe(LEDGER_CSV_HEADER.join(','));
		expect(lines.at(-1)).toBe('');
		expect(lines.length - 2).toBe(ledger.messages.length);
		expect(lines.slice(1, -1).map((l) => Number(l.split(',')[0]))).toEqual(
			ledger.messages.map((m) => m.event)
		);
	});

	it('writes every charge with six decimals, so the column sums to the ledger total', () => {
		const charges = lines.slice(1, -1).map((l) => l.split(',')[6] as string);
		for (const c of charges) expect(c).toMatch(/^\d+\.\d{6}$/);
		const sum = charges.reduce((s, c) => s + Math.round(Number(c) * 1e6), 0);
		expect(sum).toBe(ledger.total);
	});

	it('names the file after the scenario', () => {
		expect(ledgerCsvFileName('Use case 5: two conversations')).toBe(
			'use-case-5-two-conversations.ledger.csv'
		);
		expect(ledgerCsvFileName('')).toBe('scenario.ledger.csv');
	});
});
