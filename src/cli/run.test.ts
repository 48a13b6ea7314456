import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';

const files: Record<string, string> = {
	'uc5.json': readFileSync(
		new URL('../lib/domain/use-cases/uc5-multiple-conversations.json', import.meta.url),
		'utf8'
	),
	'bad.json':
		'{ "format": "wa-pricing-scenario/1", "name": "x", "market": "ID", "timezone": "UTC", "events": [{ "at": "yesterday", "type": "template", "category": "marketing" }] }',
	'broken.json': '{ not json',
	...refusedFiles()
};

/** Scenarios that look valid but are not (issue 8): each one's file name → its JSON. */
function refusedFiles(): Record<string, string> {
	const scenario = (patch: Record<string, unknown>, event: Record<string, unknown> = {}) =>
		JSON.stringify({
			format: 'wa-pricing-scenario/1',
			name: 'x',
			market: 'ID',
			timezone: 'UTC',
			events: [
				{ at: '2025-06-01T10:00:00Z', type: 'customer_message' },
				{ at: '2025-06-01T10:05:00Z', type: 'template', category: 'marketing', ...event }
			],
			...patch
		});
	const without = (key: string) => {
		const s = JSON.parse(scenario({})) as Record<string, unknown>;
		delete s[key];
		return JSON.stringify(s);
	};
	const eventWithout = (key: string) => {
		const s = JSON.parse(scenario({})) as { events: Record<string, unknown>[] };
		delete s.events[1]![key];
		return JSON.stringify(s);
	};
	return {
		'market-xx.json': scenario({ market: 'XX' }),
		'market-uk.json': scenario({ market: 'UK' }),
		'market-999.json': scenario({ market: '+999 123 4567' }),
		'feb-30.json': scenario({}, { at: '2025-02-30T10:00:00Z' }),
		'jun-31.json': scenario({}, { at: '2025-06-31T10:00Z' }),
		'no-at.json': eventWithout('at'),
		'no-category.json': eventWithout('category'),
		'no-market.json': without('market'),
		'no-name.json': without('name')
	};
}
const read = (p: string) => {
	const f = files[p];
	if (f === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
	return f;
};

describe('cli simulate', () => {
	it('prints the ledger as JSON', () => {
		const r = runCli(['simulate', 'uc5.json'], read);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out).toMatchObject({ regime: 'cbp-2023-06', currency: 'USD', total: '0.0711' });
		expect(
			out.messages.map((m: { event: number; outcome: string; charge: string }) => [
				m.event,
				m.outcome,
				m.charge
			])
		).toEqual([
			[0, 'charged', '0.0411'],
			[1, 'charged', '0.0300']
		]);
		expect(out.conversations[0]).toMatchObject({
			category: 'marketing',
			opened_at: '2023-09-12T05:00:00.000Z',
			expires_at: '2023-09-13T05:00:00.000Z',
			charge: '0.0411'
		});
		expect(out.windows).toEqual([]);
	});
	it('--table prints a readable table', () => {
		const r = runCli(['simulate', 'uc5.json', '--table'], read);
		expect(r.stdout).toMatch(/Total: 0\.0711 USD/);
		expect(r.stdout).toMatch(/template:authentication\s+charged\s+0\.0300/);
	});
	it('--regime re-prices and --compare shows all four', () => {
		expect(JSON.parse(runCli(['simulate', 'uc5.json', '--regime', 'pmp-2025-07'], read).stdout).total).toBe(
			'0.0661'
		);
		const cmp = JSON.parse(runCli(['simulate', 'uc5.json', '--compare'], read).stdout);
		expect(cmp.regimes.map((r: { regime: string; total: string }) => [r.regime, r.total])).toEqual([
			['cbp-2023-06', '0.0711'],
			['cbp-2024-11', '0.0711'],
			['pmp-2025-07', '0.0661'],
			['pmp-2026-10', '0.0661']
		]);
		expect(cmp.differing.map((d: { event: number }) => d.event)).toEqual([1]);
	});
	it.each([
		[['simulate', 'bad.json'], /event 0 \(events\.0\.at\): must be an ISO 8601 instant/],
		[['simulate', 'broken.json'], /not valid JSON/],
		[['simulate', 'missing.json'], /no such file: missing\.json/],
		[['simulate'], /no scenario file/],
		[['simulate', 'uc5.json', '--regime', 'pmp-1999'], /--regime needs one of/],
		[['simulate', 'uc5.json', '--frobnicate'], /unknown option/],
		[['forecast'], /unknown command/],
		[
			['simulate', 'market-xx.json'],
			/^error: invalid scenario market-xx\.json: market: XX is not an assigned ISO 3166-1 country code\.$/
		],
		[
			['simulate', 'market-uk.json'],
			/^error: invalid scenario market-uk\.json: market: .*did you mean GB\?$/
		],
		[
			['simulate', 'market-999.json'],
			/^error: invalid scenario market-999\.json: market: calling code 999 is not assigned/
		],
		[
			['simulate', 'feb-30.json'],
			/: event 1 \(events\.1\.at\): 2025-02-30 is not a date: February 2025 has 28 days$/
		],
		[
			['simulate', 'jun-31.json'],
			/: event 1 \(events\.1\.at\): 2025-06-31 is not a date: June 2025 has 30 days$/
		],
		[['simulate', 'no-at.json'], /: event 1 \(events\.1\.at\): missing field "at"$/],
		[['simulate', 'no-category.json'], /: event 1 \(events\.1\.category\): missing field "category"$/],
		[['simulate', 'no-market.json'], /: market: missing field "market"$/],
		[['simulate', 'no-name.json'], /: name: missing field "name"$/]
	])('%j → exit 2 and one clear line', (argv, message) => {
		const r = runCli(argv, read);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(message);
		expect(r.stderr.split('\n')).toHaveLength(1);
		expect(r.stderr).not.toContain('undefined');
	});
});
