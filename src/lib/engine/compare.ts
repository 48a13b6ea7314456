/**
 * The same scenario priced under every regime, side by side ("what if"): one replay per regime with
 * the regime pinned, and the events whose outcome or charge differ between any two of them.
 */
import { REGIMES, type Regime } from '$lib/domain/regimes';
import type { Scenario } from '$lib/domain/scenario';
import type { Ledger } from './ledger';
import { priceScenario } from './price';

export interface RegimeComparison {
	results: { regime: Regime; ledger: Ledger }[];
	/** Input indices of the events whose outcome or charge is not the same under every regime. */
	differing: number[];
}

export function compareRegimes(
	scenario: Scenario,
	price: (s: Scenario) => Ledger = priceScenario
): RegimeComparison {
	const results = REGIMES.map((regime) => ({ regime, ledger: price({ ...scenario, regime: regime.id }) }));
	const first = results[0]?.ledger;
	const differing: number[] = [];
	if (first)
		first.messages.forEach((m, i) => {
			const differs = results.some(({ ledger }) => {
				const other = ledger.messages[i];
				return !other || other.outcome !== m.outcome || other.charge !== m.charge;
			});
			if (differs) differing.push(i);
		});
	return { results, differing };
}
