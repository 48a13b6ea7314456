/**
 * `cli quiz --count N --seed S [--regime ID] [--level 1|2|3]`: the question bank as JSON lines,
 * deterministic for a seed. Each line: id, kind, prompt, scenario (a complete scenario file), event
 * (the message asked about), choices, answer (for `charge` the charge as `simulate` prints it, for
 * `outcome` the outcome), explanation (the engine's reason).
 */
import { isRegimeId, REGIME_IDS } from '$lib/domain/regimes';
import { questionBank, type Level } from '$lib/engine/quiz/questions';
import type { CliResult } from './run';

export const QUIZ_USAGE = `usage: cli quiz --count N --seed S [--regime <${REGIME_IDS.join('|')}>] [--level 1|2|3]`;
const MAX_COUNT = 10_000;

export function runQuiz(argv: readonly string[]): CliResult {
	const fail = (m: string): CliResult => ({ code: 2, stdout: '', stderr: `error: ${m}` });
	let count: number | null = null;
	let seed: number | null = null;
	let regime: string | null = null;
	let level: Level = 2;
	const whole = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const v = argv[i + 1];
		if (arg === '--count') {
			count = whole(v);
			if (count === null || count < 1 || count > MAX_COUNT)
				return fail(`--count needs a whole number from 1 to ${MAX_COUNT}`);
			i++;
		} else if (arg === '--seed') {
			seed = whole(v);
			if (seed === null || seed > 2 ** 32 - 1)
				return fail('--seed needs a whole number from 0 to 4294967295');
			i++;
		} else if (arg === '--regime') {
			if (!isRegimeId(v)) return fail(`--regime needs one of ${REGIME_IDS.join(', ')}`);
			regime = v;
			i++;
		} else if (arg === '--level') {
			if (v !== '1' && v !== '2' && v !== '3') return fail('--level needs 1, 2 or 3');
			level = Number(v) as Level;
			i++;
		} else return fail(`unknown option "${arg}". ${QUIZ_USAGE}`);
	}
	if (count === null) return fail(`--count is missing. ${QUIZ_USAGE}`);
	if (seed === null) return fail(`--seed is missing. ${QUIZ_USAGE}`);
	const bank = questionBank({ count, seed, level, ...(regime && isRegimeId(regime) ? { regime } : {}) });
	const lines = bank.map((q) =>
		JSON.stringify({
			id: q.id,
			kind: q.kind,
			level: q.level,
			prompt: q.prompt,
			scenario: q.scenario,
			event: q.event,
			...(q.at ? { at: q.at } : {}),
			choices: q.choices,
			answer: q.answer,
			explanation: q.explanation
		})
	);
	return { code: 0, stdout: lines.join('\n'), stderr: '' };
}
