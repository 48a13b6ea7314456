/**
 * The column ledger (what the sandbox's worker sends for large runs) must read back as exactly the
 * object ledger of the same scenario: every field of every message — reason sentences included, worded
 * lazily — every snapshot, the totals, notes and the provider's part; after a transfer as the worker
 * does it; and the time order it carries must be `timedEvents`'.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { timedEvents, type Scenario } from '$lib/domain/scenario';
import { USE_CASES } from '$lib/domain/use-cases';
import { largeScenario } from '../../../tests/helpers/large-scenario';
import { scenarioArb } from '../../../tests/helpers/scenario-arb';
import { ledgerOfColumns, timedEventsOfColumns } from './column-ledger';
import { kernelColumns } from './kernel-columns';
import { transferablesOf } from './ledger-columns';
import type { Ledger } from './ledger';
import { kernelReplay } from './replay';

const large = (n: number) => largeScenario(n) as Scenario;

/** Both ledgers as plain data (the column one through its toJSON views). */
const plain = (l: Ledger): unknown => JSON.parse(JSON.stringify(l));

/** The columns as the page receives them: structured-cloned with their buffers transferred. */
function received(s: Scenario): Ledger {
	const cols = kernelColumns(s);
	return ledgerOfColumns(structuredClone(cols, { transfer: transferablesOf(cols) }));
}

function same(s: Scenario): boolean {
	return isDeepStrictEqual(plain(received(s)), plain(kernelReplay(s)));
}

describe('column ledger', { timeout: 120_000 }, () => {
	it('reads back as the object ledger for the five use cases under every regime setting', () => {
		for (const uc of USE_CASES) {
			expect(same(uc.scenario)).toBe(true);
			for (const regime of ['cbp-2023-06', 'cbp-2024-11', 'pmp-2025-07', 'pmp-2026-10'] as const)
				expect(same({ ...uc.scenario, regime })).toBe(true);
		}
	});

	it('reads back as the object ledger for random scenarios (tiers, currencies, free tiers)', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => same(s)),
			{ numRuns: 1500 }
		);
	});

	it('carries the provider part and a large run alike', () => {
		const big = large(3_000);
		expect(same(big)).toBe(true);
		const adjusted: Scenario = {
			...big,
			adjustments: {
				label: 'Provider',
				markup_percent: 12.5,
				fee_per_message: '0.001',
				fee_per_conversation: '0.01'
			}
		};
		const ledger = received(adjusted);
		expect(ledger.provider?.total).toBeGreaterThan(0);
		expect(ledger.messages.some((m) => m.providerCharge > 0)).toBe(true);
		expect(isDeepStrictEqual(plain(ledger), plain(kernelReplay(adjusted)))).toBe(true);
	});

	it('transfers its buffers (the page gets them without a copy) and gives the time order', () => {
		const s = large(2_000);
		const cols = kernelColumns(s);
		const buffers = transferablesOf(cols);
		expect(buffers.length).toBeGreaterThan(20);
		structuredClone(cols, { transfer: buffers });
		expect(cols.messages.at.length).toBe(0); // detached: moved, not copied
		const again = kernelColumns(s);
		expect(isDeepStrictEqual(timedEventsOfColumns(again, s), timedEvents(s))).toBe(true);
	});
});
