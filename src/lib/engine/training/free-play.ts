/**
 * The inbox simulator's free play: an empty chat room in Indonesia on a day of the chosen regime's
 * period, and a customer whose messages arrive on the simulated clock — one now, a follow-up three
 * hours later, and one two days later, after the window has closed.
 */
import { regimeById, type RegimeId } from '$lib/domain/regimes';
import { SCENARIO_FORMAT } from '$lib/domain/scenario';
import { startOfLocalDate } from '$lib/domain/time';
import { HOUR, MINUTE, type EpochMs } from '$lib/domain/units';
import type { ExerciseSetup } from './exercises';

const ZONE = 'Asia/Jakarta';
/** A Tuesday in each regime's period (the use cases' own day for June 2023). */
const DAY_OF: Record<RegimeId, string> = {
	'cbp-2023-06': '2023-09-12',
	'cbp-2024-11': '2024-11-12',
	'pmp-2025-07': '2025-09-09',
	'pmp-2026-10': '2026-10-13'
};

export function freePlaySetup(regime: RegimeId): ExerciseSetup {
	const start = (startOfLocalDate(DAY_OF[regime], ZONE) + 9 * HOUR) as EpochMs;
	const at = (ms: number) => (start + ms) as EpochMs;
	return {
		scenario: {
			format: SCENARIO_FORMAT,
			name: `Inbox — ${regimeById(regime).label}`,
			market: 'ID',
			timezone: ZONE,
			account: { free_service_used: 1000 },
			events: []
		},
		start,
		script: [
			{ at: at(5 * MINUTE), text: 'Hi! Is my order on its way?' },
			{ at: at(3 * HOUR), text: 'Also, can I still change the colour?' },
			{ at: at(50 * HOUR), text: 'Hello? Are you still there?' }
		]
	};
}
