/**
 * Every CSV the app writes is formula-safe (issue 13 point 12): one test per writer with hostile
 * text in the cells a person controls, and a check that no writer builds CSV cells of its own.
 * (The forecast writer's own test is in src/lib/ui/broadcast/forecast-view.test.ts.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import { ledgerToCsv } from '$lib/engine/ledger-csv';
import { replay } from '$lib/engine/replay';
import { csvCell as analyticsCell, toCsv as analyticsCsv } from '$lib/ui/analytics/csv';
import { customRatesCsv } from '$lib/ui/rates/custom-preview';
import { parseCsv } from '$lib/domain/csv';
import { csvCell, toCsv } from '$lib/domain/csv-export';

const HOSTILE = ['=HYPERLINK("http://evil","x")', '+1+cmd', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];

/** No cell of the CSV, once read back as a spreadsheet would, starts with a formula character. */
function expectFormulaSafe(csv: string) {
	for (const row of parseCsv(csv))
		for (const cell of row) {
			// Numbers we write ourselves (a negative amount) may start with "-".
			if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
			expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
		}
}

describe('the ledger CSV', () => {
	it('neutralises hostile text in any cell', () => {
		const ledger = replay(useCaseById('multiple-conversations')!.scenario);
		const hostile = {
			...ledger,
			messages: ledger.messages.map((m, i) => ({
				...m,
				reason: HOSTILE[i % HOSTILE.length] as string,
				market: HOSTILE[(i + 1) % HOSTILE.length] as string
			}))
		};
		const csv = ledgerToCsv(hostile);
		expectFormulaSafe(csv);
		expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
	});
});

describe('the analytics tables', () => {
	it('use the one shared writer', () => {
		expect(analyticsCell).toBe(csvCell);
		expect(analyticsCsv).toBe(toCsv);
		expectFormulaSafe(analyticsCsv([['Name', 'Count'], ...HOSTILE.map((h, i) => [h, i])]));
	});
});

describe('the custom rate card written back as CSV', () => {
	it('neutralises a hostile market name', () => {
		const csv = customRatesCsv({
			name: 'x',
			model: 'PMP',
			rows: HOSTILE.map((market) => ({ market, category: 'marketing', rate: '0.04' }))
		});
		expectFormulaSafe(csv);
		expect(csv.split('\n')[1]).toBe(`"'=HYPERLINK(""http://evil"",""x"")",marketing,0.04`);
	});
});

describe('no CSV writer of its own', () => {
	function files(dir: string): string[] {
		return readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) return files(path);
			return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
		});
	}

	it('every file that offers a CSV download takes its cells from csv-export (directly or via analytics/csv)', () => {
		const writers = files('src').filter((f) => /type: 'text\/csv/.test(readFileSync(f, 'utf8')));
		expect(writers.length).toBeGreaterThan(2);
		for (const f of writers) {
			const text = readFileSync(f, 'utf8');
			const shared =
				/csv-export|analytics\/csv|from '\.\/csv'|ledger-csv|forecastCsv|customRatesCsv|downloadCsv/.test(
					text
				);
			expect(shared, `${f} writes CSV without the shared writer`).toBe(true);
			// Quoting done by hand ("" for a quote) belongs in csv-export.ts alone.
			if (!f.endsWith('csv-export.ts')) expect(text, f).not.toMatch(/replace(All)?\(\s*\/?"\/?g?,\s*'""'\)/);
		}
	});
});
