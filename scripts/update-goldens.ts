/**
 * Regenerates the golden ledgers of the five use cases under every regime
 * (tests/fixtures/golden/<use case>.<regime>.json). Run after a deliberate rule change, then read
 * the diff: a golden is only as good as the review of its changes.
 */
import { writeFileSync } from 'node:fs';
import { REGIME_IDS } from '../src/lib/domain/regimes';
import { USE_CASES } from '../src/lib/domain/use-cases';
import { ledgerToJson } from '../src/lib/engine/ledger-json';
import { replay } from '../src/lib/engine/replay';

for (const uc of USE_CASES)
	for (const regime of REGIME_IDS) {
		const ledger = ledgerToJson(replay({ ...uc.scenario, regime }));
		const file = `tests/fixtures/golden/uc${uc.number}-${uc.id}.${regime}.json`;
		writeFileSync(file, `${JSON.stringify(ledger, null, '\t')}\n`);
		console.log(`${file}: total ${ledger.total} ${ledger.currency}`);
	}
