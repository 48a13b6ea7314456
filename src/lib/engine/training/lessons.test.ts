/**
 * The lessons say what the engine says: every fixed caption's claim equals the ledger (outcome,
 * charge, conversations open, free-form allowed), the amounts and the words "charged", "refused" and
 * "no extra charge" in its text agree with the outcome, and every prediction's answer is the
 * ledger's, unambiguous, under every regime the lessons replay.
 */
import { describe, expect, it } from 'vitest';
import { formatMicros } from '$lib/domain/units';
import { replay } from '../replay';
import { stateAt } from '../state-at';
import { OUTCOME_CHOICE } from './prediction-text';
import { lessonSteps } from './lesson-steps';
import { BASE_REGIME, LESSON_REGIMES, LESSONS, lessonScenario } from './lessons';
import { whatChanged } from './what-changed';

describe('lesson captions against the ledger', () => {
	it('every use case has a caption for every event', () => {
		expect(LESSONS).toHaveLength(5);
		for (const l of LESSONS)
			expect(l.captions.map((c) => c.event)).toEqual(l.useCase.scenario.events.map((_, i) => i));
	});

	for (const lesson of LESSONS)
		it(`${lesson.id}: no caption contradicts the engine`, () => {
			const ledger = replay(lessonScenario(lesson));
			for (const c of lesson.captions) {
				const m = ledger.messages[c.event]!;
				const after = stateAt(ledger, m.at);
				const where = `${lesson.id} event ${c.event}`;
				expect(m.outcome, where).toBe(c.claim.outcome);
				if (c.claim.charge !== undefined) expect(formatMicros(m.charge), where).toBe(c.claim.charge);
				if (c.claim.open !== undefined)
					expect(after.conversations.length + (after.freeEntryPoint ? 1 : 0), where).toBe(c.claim.open);
				if (c.claim.freeForm !== undefined) expect(after.freeForm.allowed, where).toBe(c.claim.freeForm);
				// The words: every amount is the message's charge; outcome words only with that outcome.
				for (const amount of c.text.match(/\d+\.\d{4}/g) ?? [])
					expect(amount, where).toBe(formatMicros(m.charge));
				if (/\bcharged\b/i.test(c.text)) expect(m.outcome, where).toBe('charged');
				if (/\brefused\b|\bblocked\b/i.test(c.text)) expect(m.outcome, where).toBe('blocked');
				if (/no extra charge/i.test(c.text)) expect(m.outcome, where).toBe('included');
			}
		});
});

describe('lesson predictions from the ledger', () => {
	for (const lesson of LESSONS)
		for (const regime of LESSON_REGIMES)
			it(`${lesson.id} under ${regime}`, () => {
				const scenario = lessonScenario(lesson, regime);
				expect(scenario.regime).toBe(regime);
				const full = replay(scenario);
				const steps = lessonSteps(scenario);
				expect(steps).toHaveLength(scenario.events.length);
				for (const step of steps) {
					const m = full.messages[step.event]!;
					expect(step.message).toEqual(m);
					// The chat before the step holds exactly the events before it.
					expect(step.before.scenario.events).toHaveLength(step.event);
					for (const p of step.predictions) {
						expect(new Set(p.choices).size, p.id).toBe(p.choices.length);
						expect(
							p.choices.filter((c) => c === p.answer),
							p.id
						).toHaveLength(1);
						expect(p.choices.length, p.id).toBeGreaterThanOrEqual(2);
						if (p.id.endsWith('-outcome')) expect(p.answer).toBe(OUTCOME_CHOICE[m.outcome]);
						if (p.id.endsWith('-free-form')) {
							const was = stateAt(step.before.ledger, m.at).freeForm.allowed;
							expect(p.answer === 'Yes').toBe(was);
						}
						if (p.id.endsWith('-window')) expect(p.answer).toContain(m.reason.match(/until (.+?);/)![1]!);
					}
				}
			});

	it('the later regimes teach what changed: service free from Nov 2024, charged again from Oct 2026', () => {
		const uc1 = LESSONS[0]!;
		const base = replay(lessonScenario(uc1));
		const nov = replay(lessonScenario(uc1, 'cbp-2024-11'));
		const oct = replay(lessonScenario(uc1, 'pmp-2026-10'));
		expect(nov.messages[1]!.outcome).toBe('free');
		expect(whatChanged(base, nov, 1)).toMatch(/^Changed: .* was charged 0\.0190 USD; .* it is free\.$/);
		expect(oct.messages[1]!.outcome).toBe('charged');
		expect(whatChanged(base, oct, 1)).toContain(`it is charged ${formatMicros(oct.messages[1]!.charge)} USD`);
		expect(whatChanged(base, nov, 0)).toBeNull();
		expect(whatChanged(base, nov, 4)).toMatch(/^Same as under/);
	});

	it('a variant only moves the dates: same events, same gaps', () => {
		for (const lesson of LESSONS) {
			const a = lessonScenario(lesson, BASE_REGIME).events.map((e) => Date.parse(e.at));
			const b = lessonScenario(lesson, 'pmp-2025-07').events.map((e) => Date.parse(e.at));
			const gaps = (xs: number[]) => xs.map((x) => x - xs[0]!);
			expect(gaps(b)).toEqual(gaps(a));
			expect(b[0]! - a[0]!).toBeGreaterThan(0);
		}
	});
});
