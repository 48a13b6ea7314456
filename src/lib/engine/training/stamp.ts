/**
 * What a learner was trained on: the regime and rate card behind each answer (read from the
 * question's own ledger), and the summary the printable progress page is stamped with — every regime
 * and rate card met, with how many answers each.
 */
import { regimeById, type RegimeId } from '$lib/domain/regimes';
import { priceScenario } from '../price';
import type { Question } from '../quiz/questions';

export interface Stamp {
	regime: RegimeId | 'mixed';
	rateCard: string | null;
}

/** The regime and rate card of the message a question is about. */
export function questionStamp(q: Question): Stamp {
	const l = priceScenario(q.scenario);
	const m = l.messages[q.event];
	return { regime: m?.regime ?? l.regime, rateCard: m?.rate?.cardId ?? null };
}

export interface TrainedOn {
	regimes: { id: RegimeId | 'mixed'; label: string; answers: number }[];
	/** Rate card ids ("2023-06-01-USD": the card's effective date and currency), newest first. */
	rateCards: { id: string; answers: number }[];
}

export function trainedOn(stamps: readonly Stamp[]): TrainedOn {
	const regimes = new Map<RegimeId | 'mixed', number>();
	const cards = new Map<string, number>();
	for (const s of stamps) {
		regimes.set(s.regime, (regimes.get(s.regime) ?? 0) + 1);
		if (s.rateCard) cards.set(s.rateCard, (cards.get(s.rateCard) ?? 0) + 1);
	}
	return {
		regimes: [...regimes]
			.map(([id, answers]) => ({
				id,
				label: id === 'mixed' ? 'Several regimes' : regimeById(id).label,
				answers
			}))
			.sort((a, b) => b.answers - a.answers),
		rateCards: [...cards].map(([id, answers]) => ({ id, answers })).sort((a, b) => (a.id < b.id ? 1 : -1))
	};
}
