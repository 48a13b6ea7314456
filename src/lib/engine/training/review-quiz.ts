/**
 * A review quiz of the topics that are due: the quiz generator's questions, drawn in order from a
 * seed and kept when their kind is one of the due topics (taking turns), each at the lowest level that
 * has that kind — so a missed topic comes back as fresh questions on the same rule.
 */
import type { RegimeId } from '$lib/domain/regimes';
import { KINDS_BY_LEVEL, question, type Level, type Question, type QuestionKind } from '../quiz/questions';

const levelFor = (kind: QuestionKind): Level =>
	([1, 2, 3] as const).find((l) => KINDS_BY_LEVEL[l].includes(kind)) ?? 3;

/** Draws past this many questions per wanted one give up (a kind the generator never draws). */
const MAX_DRAWS_PER_QUESTION = 60;

export function reviewQuestions(
	kinds: readonly QuestionKind[],
	options: { seed: number; count: number; regime?: RegimeId }
): Question[] {
	const out: Question[] = [];
	if (kinds.length === 0) return out;
	const next = new Map<QuestionKind, number>(kinds.map((k) => [k, 0]));
	for (let i = 0; out.length < options.count; i++) {
		const kind = kinds[i % kinds.length] as QuestionKind;
		let n = next.get(kind) ?? 0;
		for (let draws = 0; ; draws++, n++) {
			if (draws > MAX_DRAWS_PER_QUESTION) return out;
			const q = question(options.seed, n, levelFor(kind), options.regime);
			if (q.kind === kind) {
				out.push(q);
				break;
			}
		}
		next.set(kind, n + 1);
	}
	return out;
}
