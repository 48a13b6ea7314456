/**
 * The five use cases as lessons. Each fixed caption (shown with the engine's answer) carries the
 * claim it makes — outcome, charge, conversations open after it — so lessons.test.ts can hold the
 * text against the ledger. Variants replay a use case under a later regime: its dates move into that
 * regime's period, and what changed is worded from the two ledgers, never written by hand.
 */
import { isoInZone } from '$lib/domain/local-time';
import { regimeById, REGIME_IDS, type RegimeId } from '$lib/domain/regimes';
import type { Scenario } from '$lib/domain/scenario';
import { parseInstant } from '$lib/domain/time';
import { DAY, type EpochMs } from '$lib/domain/units';
import { USE_CASES, type UseCase } from '$lib/domain/use-cases';
import { LESSON_CAPTIONS, type Caption } from './lesson-captions';

export type { Caption, Claim } from './lesson-captions';

export interface Lesson {
	id: string;
	number: number;
	title: string;
	summary: string;
	useCase: UseCase;
	/** Captions for the use case's own regime (June 2023); none for the later-regime variants. */
	captions: readonly Caption[];
}

export const LESSONS: readonly Lesson[] = USE_CASES.map((u) => ({
	id: u.id,
	number: u.number,
	title: u.title,
	summary: u.lesson,
	useCase: u,
	captions: LESSON_CAPTIONS[u.id] ?? []
}));

export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);

/** The regime the use cases were written for (the help page, June 2023). */
export const BASE_REGIME: RegimeId = 'cbp-2023-06';
export const LESSON_REGIMES: readonly RegimeId[] = REGIME_IDS;

/** A day in each regime's period to replay the use cases on (the use cases' own is 12 Sep 2023). */
const REPLAY_DATE: Record<RegimeId, string> = {
	'cbp-2023-06': '2023-09-12',
	'cbp-2024-11': '2024-11-12',
	'pmp-2025-07': '2025-09-12',
	'pmp-2026-10': '2026-10-12'
};

/** The lesson's scenario under a regime: the same chat, moved into that regime's period and pinned to it. */
export function lessonScenario(lesson: Lesson, regime: RegimeId = BASE_REGIME): Scenario {
	const { narration: _n, ...base } = lesson.useCase.scenario;
	if (regime === BASE_REGIME) return base;
	const days = Math.round((Date.parse(REPLAY_DATE[regime]) - Date.parse(REPLAY_DATE[BASE_REGIME])) / DAY);
	const shift = (at: string) =>
		isoInZone(((parseInstant(at) as EpochMs) + days * DAY) as EpochMs, base.timezone);
	return {
		...base,
		name: `${base.name} — ${regimeById(regime).label}`,
		regime,
		events: base.events.map((e) => ({ ...e, at: shift(e.at) }))
	};
}
