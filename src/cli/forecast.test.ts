/**
 * `cli forecast` end to end in-process: the streamed CSV, the JSON shape of the issue, --table,
 * --compare, --account, and exit 2 with one line for every unusable input.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseForecastArgs, runForecast } from './forecast';

const CSV = [
	'name,Phone,last_customer_message_at',
	'Ana,+91 98765 43210,',
	'Bo,5511987654321,',
	'Ci,+62 812 3456 7890,2026-11-10T12:00:00Z',
	'Di,+999 1234 5678,',
	'Ed,+1 212 555 0123,',
	'Fa,+62 812 3456 7891,yesterday',
	''
].join('\n');
const SEND = '2026-11-10T13:00:00Z';

async function run(argv: string[], csv = CSV, files: Record<string, string> = {}) {
	const args = parseForecastArgs(argv, (p) => {
		if (files[p] === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
		return files[p] as string;
	});
	if (typeof args === 'string') return { code: 2, stdout: '', stderr: `error: ${args}` };
	return runForecast(args, Readable.from([csv]));
}

describe('cli forecast', () => {
	it('prints the forecast JSON: totals from the CSV cards, outcomes, markets, invalid rows', async () => {
		const r = await run(['r.csv', '--category', 'marketing', '--send-at', SEND]);
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout);
		// 2026-10-01-USD.csv marketing: India 0.0118, Brazil 0.0625, Indonesia 0.0411; US paused.
		expect(j).toMatchObject({
			format: 'wa-pricing-forecast/1',
			category: 'marketing',
			send_at: '2026-11-10T13:00:00.000Z',
			regime: 'pmp-2026-10',
			currency: 'USD',
			recipients: 6,
			total: '0.1154',
			outcomes: { charged: 3, free: 0, failed: 1, invalid: 2 },
			failed: { us_marketing_pause: 1, undelivered: 0 }
		});
		expect(j.markets).toContainEqual({
			market: 'India',
			recipients: 1,
			charged: 1,
			free: 0,
			failed: 0,
			total: '0.0118'
		});
		expect(j.invalid_rows).toEqual([
			{ line: 5, reason: 'phone: calling code 999 is not assigned' },
			{ line: 7, reason: 'last_customer_message_at: "yesterday" is not an ISO 8601 instant with an offset' }
		]);
	});

	it('utility in the window is free under July 2025 rules (pinned), and --table reads', async () => {
		const r = await run([
			'r.csv',
			'--category',
			'utility',
			'--send-at',
			SEND,
			'--regime',
			'pmp-2025-07',
			'--table'
		]);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/utility template at 2026-11-10T13:00:00.000Z, pmp-2025-07, USD/);
		expect(r.stdout).toMatch(/free: 1 in the service window/);
	});

	it('--compare prices the same file under every regime', async () => {
		const j = JSON.parse(
			(await run(['r.csv', '--category', 'marketing', '--send-at', SEND, '--compare'])).stdout
		);
		expect(j.forecasts.map((f: { regime: string }) => f.regime)).toEqual([
			'cbp-2023-06',
			'cbp-2024-11',
			'pmp-2025-07',
			'pmp-2026-10'
		]);
	});

	it('--account carries tier counts (tiers-2026-10-01.csv: Argentina utility 100,001st at 0.0247)', async () => {
		const csv = 'phone\n+54 9 11 5555 0000\n';
		const account = JSON.stringify({
			charged_this_month: { by_market: { Argentina: { utility: 100_000 } } }
		});
		const r = await run(['r.csv', '--category', 'utility', '--send-at', SEND, '--account', 'a.json'], csv, {
			'a.json': account
		});
		expect(JSON.parse(r.stdout).total).toBe('0.0247');
	});

	it.each([
		[['r.csv', '--send-at', SEND], /--category needs one of/],
		[['r.csv', '--category', 'promo', '--send-at', SEND], /--category needs one of/],
		[['r.csv', '--category', 'marketing'], /--send-at needs/],
		[['r.csv', '--category', 'marketing', '--send-at', '2026-02-30T10:00:00Z'], /not an ISO 8601 instant/],
		[['r.csv', '--category', 'marketing', '--send-at', SEND, '--timezone', 'Mars/Base'], /IANA/],
		[['r.csv', '--category', 'marketing', '--send-at', SEND, '--currency', 'JPY'], /--currency/],
		[['r.csv', '--category', 'marketing', '--send-at', SEND, '--regime', 'x'], /--regime/],
		[['r.csv', '--category', 'marketing', '--send-at', SEND, '--frobnicate'], /unknown option/],
		[['r.csv', '--category', 'marketing', '--send-at', SEND, '--account', 'missing.json'], /cannot read/],
		[['r.csv', '--category', 'marketing', '--send-at', SEND, '--phone-column', 'tel'], /no column "tel"/],
		[['--category', 'marketing', '--send-at', SEND], /no recipients file/]
	])('refuses %j with exit 2 and one line', async (argv, message) => {
		const r = await run(argv);
		expect(r.code).toBe(2);
		expect(r.stderr.split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(message);
	});

	it('refuses an empty file and a bad account file', async () => {
		const empty = await run(['r.csv', '--category', 'marketing', '--send-at', SEND], '');
		expect(empty).toMatchObject({ code: 2 });
		expect(empty.stderr).toMatch(/empty/);
		const bad = await run(
			['r.csv', '--category', 'marketing', '--send-at', SEND, '--account', 'a.json'],
			CSV,
			{
				'a.json': '{"charged_this_month": {"utility": -1}}'
			}
		);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/account\.charged_this_month\.utility/);
	});
});
