import { describe, expect, it } from 'vitest';
import { runCli } from './run';

/** A Brazilian and an Argentine marketing template in November 2026, priced in the billing currency. */
const scenarioFor = (market: string) =>
	JSON.stringify({
		format: 'wa-pricing-scenario/1',
		name: 'currency',
		market,
		timezone: 'America/Sao_Paulo',
		events: [{ at: '2026-11-10T10:00:00-03:00', type: 'template', category: 'marketing' }]
	});
const files: Record<string, string> = { 'br.json': scenarioFor('BR'), 'ar.json': scenarioFor('AR') };
const read = (p: string) => files[p] ?? '';

describe('cli simulate --currency', () => {
	it('prices from that currency’s card (2026-10-01-BRL.csv: Brazil,marketing,0.3217)', () => {
		const out = JSON.parse(runCli(['simulate', 'br.json', '--currency', 'BRL'], read).stdout);
		expect(out).toMatchObject({ currency: 'BRL', total: '0.3217' });
		expect(out.messages[0].rate.card).toBe('2026-10-01-BRL');
	});

	it('USD by default (2026-10-01-USD.csv: Brazil,marketing,0.0625)', () => {
		const out = JSON.parse(runCli(['simulate', 'br.json'], read).stdout);
		expect(out).toMatchObject({ currency: 'USD', total: '0.0625' });
	});

	it('says "no rate known in BRL" where the BRL card has no value, and marks the total incomplete', () => {
		const out = JSON.parse(runCli(['simulate', 'ar.json', '--currency', 'BRL'], read).stdout);
		expect(out.total).toBe('0.0000');
		expect(out.messages[0]).toMatchObject({ outcome: 'charged', unpriced: true });
		expect(out.messages[0].reason).toMatch(/no rate known in BRL/);
		expect(out.notes.join(' ')).toMatch(/^Incomplete/);
	});

	it('refuses a currency without cards, with exit 2 and one line', () => {
		const r = runCli(['simulate', 'br.json', '--currency', 'JPY'], read);
		expect(r.code).toBe(2);
		expect(r.stderr.split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/--currency needs .*USD/);
	});
});
