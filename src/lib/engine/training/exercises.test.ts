/**
 * The scripted exercises are graded by the engine: the cheapest reply passes and a dearer one fails
 * with the cheapest option named; the click-to-WhatsApp question's answer is the ledger's two window
 * ends; the order update passes inside the window and fails after it.
 */
import { describe, expect, it } from 'vitest';
import { formatLocal } from '$lib/domain/format';
import { HOUR, type EpochMs } from '$lib/domain/units';
import { replay } from '../replay';
import { exerciseById, EXERCISES } from './exercises';
import { send, type SendKind } from './inbox';

const ex = (id: string) => exerciseById(id)!;
const FREE_FORM: SendKind = { type: 'free_form' };
const UTILITY: SendKind = { type: 'template', category: 'utility' };

function play(id: string, moves: { kind: SendKind; after: number }[], choice: string | null = null) {
	const e = ex(id);
	let scenario = e.setup.scenario;
	let ledger = replay(scenario);
	for (const m of moves)
		({ scenario, ledger } = send(scenario, m.kind, (e.setup.start + m.after) as EpochMs));
	return e.grade(scenario, ledger, choice);
}

describe('inbox exercises', () => {
	it('three exercises, each starting with the window open', () => {
		expect(EXERCISES.map((e) => e.id)).toEqual(['reply-in-time', 'ctwa-lead', 'order-update']);
		for (const e of EXERCISES) expect(play(e.id, []).state).toBe('pending');
	});

	it('reply in time: free-form now passes; a template, or waiting past the window, fails', () => {
		expect(play('reply-in-time', [{ kind: FREE_FORM, after: 0 }]).state).toBe('passed');
		const dear = play('reply-in-time', [{ kind: UTILITY, after: 0 }]);
		expect(dear.state).toBe('failed');
		expect(dear.text).toContain('a free-form message sent right away: 0.0190 USD');
		// Free-form after the window is refused, so it does not count; the template sent then does.
		const late = play('reply-in-time', [
			{ kind: FREE_FORM, after: 2 * HOUR },
			{ kind: UTILITY, after: 2 * HOUR }
		]);
		expect(late.state).toBe('failed');
	});

	it('click-to-WhatsApp lead: the reply opens the free entry point, the answer is the ledger’s', () => {
		const asked = play('ctwa-lead', [{ kind: FREE_FORM, after: 0 }]);
		expect(asked.state).toBe('pending');
		const q = asked.question!;
		const l = replay(ex('ctwa-lead').setup.scenario);
		const csw = formatLocal(l.windows[0]!.expiresAt, 'Asia/Jakarta');
		expect(q.answer).toContain(`free-form only until ${csw}`);
		expect(new Set(q.choices).size).toBe(4);
		expect(q.choices.filter((c) => c === q.answer)).toHaveLength(1);
		expect(play('ctwa-lead', [{ kind: FREE_FORM, after: 0 }], q.answer).state).toBe('passed');
		const wrong = q.choices.find((c) => c !== q.answer)!;
		expect(play('ctwa-lead', [{ kind: FREE_FORM, after: 0 }], wrong).state).toBe('failed');
		// A reply more than 24 h after the ad message opens no free entry point.
		expect(play('ctwa-lead', [{ kind: UTILITY, after: 24 * HOUR }]).state).toBe('failed');
	});

	it('order update: free-form inside the window passes; after it, the template fails', () => {
		expect(play('order-update', [{ kind: FREE_FORM, after: HOUR }]).state).toBe('passed');
		expect(play('order-update', [{ kind: UTILITY, after: HOUR }]).state).toBe('failed');
		const late = play('order-update', [
			{ kind: FREE_FORM, after: 4 * HOUR },
			{ kind: UTILITY, after: 4 * HOUR }
		]);
		expect(late.state).toBe('failed');
		expect(late.text).toMatch(/^Too late: the customer service window closed at Wed 11 Oct 2023 10:00/);
	});
});
