import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';

const fixture = (name: string) =>
	readFileSync(new URL(`../../tests/fixtures/webhooks/${name}`, import.meta.url), 'utf8');
const files: Record<string, string> = {
	'v7.json': fixture('v7-cbp-service-conversation.json'),
	'v6.json': fixture('v6-pmp-service-reply.json'),
	'export.json': JSON.stringify({
		pricing_analytics: {
			data: [
				{
					data_points: [
						{
							start: 1,
							end: 2,
							country: 'KE',
							pricing_type: 'REGULAR',
							pricing_category: 'SERVICE',
							volume: 1,
							cost: 0.0158
						}
					]
				}
			]
		}
	}),
	'recipients.csv': 'name,phone\nAna,+62\n'
};
const read = (p: string) => {
	const f = files[p];
	if (f === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
	return f;
};

describe('cli reconcile', () => {
	it('reports matched and mismatched messages, volumes and cost, with analytics totals', () => {
		const r = runCli(['reconcile', 'v7.json', '--analytics', 'export.json'], read);
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout);
		expect(j).toMatchObject({
			format: 'wa-pricing-reconciliation/1',
			messages: 2,
			compared: 2,
			matched: 1,
			mismatched: { billed_but_free: 1 },
			analytics: { billed_volume: 1, billed_cost: '0.0158' }
		});
		expect(j.mismatches[0]).toMatchObject({ id: 'wamid.v7-first-reply', kind: 'billed_but_free' });
	});

	it('--table reads', () => {
		const r = runCli(['reconcile', 'v6.json', '--table'], read);
		expect(r.stdout).toMatch(/1 compared: 1 match the rules/);
	});

	it.each([
		[['reconcile'], /no log file/],
		[['reconcile', 'missing.json'], /no such file/],
		[['reconcile', 'recipients.csv'], /is not a WhatsApp webhook log/],
		[['reconcile', 'v6.json', '--timezone', 'Nowhere'], /IANA/],
		[['reconcile', 'v6.json', '--analytics', 'recipients.csv'], /not valid JSON/],
		[['reconcile', 'v6.json', '--fast'], /unknown option/]
	])('refuses %j with exit 2 and one line', (argv, message) => {
		const r = runCli(argv, read);
		expect(r.code).toBe(2);
		expect(r.stderr.split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(message);
	});
});
