/**
 * The five documented use cases (../shared/use-cases.md) as golden ledgers, under every regime.
 * The cbp-2023-06 figures are also asserted by hand from the source document, so a golden cannot
 * drift unnoticed: Indonesia, marketing 0.0411, utility 0.0200, authentication 0.0300, service 0.0190.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGIME_IDS } from '$lib/domain/regimes';
import { USE_CASES } from '$lib/domain/use-cases';
import { ledgerToJson } from './ledger-json';
import { emptyLedger, replay } from './replay';

const golden = (file: string) =>
	JSON.parse(readFileSync(new URL(`../../../tests/fixtures/golden/${file}`, import.meta.url), 'utf8'));

describe('golden ledgers', () => {
	for (const uc of USE_CASES)
		it.each(REGIME_IDS)(`use case ${uc.number} (${uc.id}) under %s`, (regime) => {
			const actual = ledgerToJson(replay({ ...uc.scenario, regime }));
			expect(actual).toEqual(golden(`uc${uc.number}-${uc.id}.${regime}.json`));
		});
});

const byNumber = (n: number) => {
	const uc = USE_CASES.find((u) => u.number === n);
	if (!uc) throw new Error(`no use case ${n}`);
	return ledgerToJson(replay(uc.scenario));
};

describe('what the source document says (cbp-2023-06, free tier used up)', () => {
	it('1: two service conversations in one long window, then a blocked reply', () => {
		const l = byNumber(1);
		expect(l.messages.map((m) => m.outcome)).toEqual([
			'received',
			'charged',
			'received',
			'charged',
			'blocked'
		]);
		expect(l.conversations.map((c) => [c.category, c.opened_at, c.expires_at])).toEqual([
			['service', '2023-09-12T03:00:00.000Z', '2023-09-13T03:00:00.000Z'],
			['service', '2023-09-13T04:00:00.000Z', '2023-09-14T04:00:00.000Z']
		]);
		expect(l.windows).toEqual([
			{
				kind: 'customer_service',
				opened_at: '2023-09-12T02:00:00.000Z',
				expires_at: '2023-09-13T05:00:00.000Z'
			}
		]);
		expect(l.total).toBe('0.0380');
	});

	it('2: the free entry point lasts 72 h, the customer service window only 24 h', () => {
		const l = byNumber(2);
		expect(l.windows).toEqual([
			{
				kind: 'customer_service',
				opened_at: '2023-09-12T02:00:00.000Z',
				expires_at: '2023-09-13T02:00:00.000Z'
			},
			{
				kind: 'free_entry_point',
				opened_at: '2023-09-12T03:00:00.000Z',
				expires_at: '2023-09-15T03:00:00.000Z'
			}
		]);
		expect(l.messages.map((m) => m.outcome)).toEqual([
			'received',
			'free',
			'free',
			'blocked',
			'free',
			'charged'
		]);
		expect(l.total).toBe('0.0411');
	});

	it('3: a template opens a conversation of its category; free-form without a window is blocked', () => {
		const l = byNumber(3);
		expect(l.messages.map((m) => m.outcome)).toEqual(['charged', 'blocked']);
		expect(l.total).toBe('0.0411');
	});

	it('4: same category within 24 h rides free, up to 12:00 the next day as the help page says', () => {
		const l = byNumber(4);
		expect(l.messages.map((m) => [m.outcome, m.charge])).toEqual([
			['charged', '0.0411'],
			['included', '0.0000'],
			['included', '0.0000']
		]);
		expect(l.total).toBe('0.0411');
		// With the other reading of "exactly 24 h" (the setting), the third opens a new conversation.
		const uc = USE_CASES.find((u) => u.number === 4)!;
		const closed = ledgerToJson(replay({ ...uc.scenario, settings: { window_end: 'exclusive' } }));
		expect(closed.messages.map((m) => m.outcome)).toEqual(['charged', 'included', 'charged']);
	});

	it('5: two categories, two conversations, 0.0411 + 0.0300 = 0.0711 USD', () => {
		const l = byNumber(5);
		expect(l.conversations.map((c) => c.category)).toEqual(['marketing', 'authentication']);
		expect(l.total).toBe('0.0711');
		expect(l.currency).toBe('USD');
	});
});

describe('emptyLedger', () => {
	it('is what replay gives for the scenario without its events, in every use case and regime', () => {
		for (const uc of USE_CASES)
			for (const regime of [undefined, ...REGIME_IDS]) {
				const none = { ...uc.scenario, regime, events: [] };
				expect(emptyLedger({ ...uc.scenario, regime })).toEqual(replay(none));
			}
	});
});
