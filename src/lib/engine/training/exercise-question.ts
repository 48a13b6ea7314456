/**
 * The question of the click-to-WhatsApp exercise, from the ledger: once the reply opened the free
 * entry point, what can be sent free and until when. The answer quotes the two windows' ends as the
 * engine has them; the wrong choices swap or merge the two windows, the classic mix-up.
 */
import { formatLocal } from '$lib/domain/format';
import type { EpochMs } from '$lib/domain/units';
import type { Ledger } from '../ledger';
import { seeded } from '../quiz/random';
import { stateAt } from '../state-at';

export interface ExerciseQuestion {
	prompt: string;
	choices: string[];
	answer: string;
	explanation: string;
}

export function ctwaQuestion(ledger: Ledger, at: EpochMs): ExerciseQuestion {
	const s = stateAt(ledger, at);
	const when = (t: EpochMs) => formatLocal(t, ledger.timezone);
	const fep = s.freeEntryPoint?.expiresAt;
	const csw = s.serviceWindow?.expiresAt;
	if (fep === undefined || csw === undefined) throw new Error('ctwaQuestion: no free entry point open');
	const answer = `Any message, templates included, free until ${when(fep)}; free-form only until ${when(csw)}`;
	// A seeded order: the same every time the chat is the same, and the answer is not always first.
	const choices = seeded(at).shuffle([
		answer,
		`Any message, templates included, free until ${when(csw)}; after that only paid templates`,
		`Any message, free-form included, until ${when(fep)}`,
		`Only free-form messages, until ${when(csw)}; every template is charged`
	]);
	return {
		prompt: 'Your reply opened a free entry point. What can you send free now, and until when?',
		choices,
		answer,
		explanation: `${s.freeForm.reason} Everything sent in the free entry point is free until ${when(fep)}.`
	};
}
