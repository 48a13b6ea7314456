/**
 * Imported files are not trusted (issue 13 point 8): a run's summary is priced from its scenario,
 * whatever the file says, and names lose control and bidirectional-override characters.
 */
import { describe, expect, it } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import { replay } from '$lib/engine/replay';
import { readImportText, toRunsFile } from './exchange';
import { buildRun, cleanName } from './run-record';

const uc = useCaseById('multiple-conversations')!.scenario;

describe('imported runs', () => {
	it('a forged summary is replaced by the one the scenario prices to', () => {
		const file = toRunsFile([buildRun({ scenario: uc }, 'r1', Date.UTC(2026, 0, 1))]);
		const entry = file.runs[0]!;
		const forged = {
			...file,
			runs: [{ ...entry, summary: { ...entry.summary, total: '999999.0000', currency: 'EUR' } }]
		};
		const { runs, rejected } = readImportText(JSON.stringify(forged));
		expect(rejected).toEqual([]);
		expect(runs[0]?.summary.total).toBe(replay(uc).total);
		expect(runs[0]?.summary.currency).toBe('USD');
		expect(runs[0]?.total).toBe(71_100);
	});

	it('names lose NUL, control and bidi-override characters', () => {
		expect(cleanName('invoice\u202Egnp.exe')).toBe('invoicegnp.exe');
		expect(cleanName('a\u0000b\u0007c\u2066d\u2069')).toBe('abcd');
		const file = toRunsFile([buildRun({ scenario: uc, name: 'x' }, 'r2', Date.UTC(2026, 0, 1))]);
		const evil = { ...file, runs: [{ ...file.runs[0]!, name: 'invoice\u202Egnp.exe\u0000' }] };
		const { runs } = readImportText(JSON.stringify(evil));
		expect(runs[0]?.name).toBe('invoicegnp.exe');
		expect(runs[0]?.scenario.name).toBe('invoicegnp.exe');
	});
});
