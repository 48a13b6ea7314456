/**
 * Quiz questions generated from the engine (issue "Training mode" §3): a random scenario from a
 * seed, a question about one of its messages or moments, the choices, and the answer and the
 * explanation taken from the ledger the engine gives for that scenario — never written by hand, so
 * a question cannot contradict the rules. Question n of a seed is the same whatever the count.
 */
import { formatLocal } from '$lib/domain/format';
import { REGIMES, regimeById, type Regime, type RegimeId } from '$lib/domain/regimes';
import {
	validateScenario,
	type Scenario,
	type ScenarioEvent,
	type TemplateCategory
} from '$lib/domain/scenario';
import { addDays, startOfLocalDate } from '$lib/domain/time';
import { formatAmount, HOUR, MINUTE, type EpochMs } from '$lib/domain/units';
import { OUTCOMES, type Ledger, type LedgerMessage, type Outcome } from '../ledger';
import { priceScenario } from '../price';
import { MESSAGE_RULES } from '../rules';
import { stateAt } from '../state-at';
import { seeded, type Random } from './random';

export type QuestionKind = 'charge' | 'outcome' | 'free_form' | 'why_free' | 'regime_card' | 'sessions';
export type Level = 1 | 2 | 3;

export const KINDS_BY_LEVEL: Record<Level, readonly QuestionKind[]> = {
	1: ['charge', 'outcome', 'free_form'],
	2: ['charge', 'outcome', 'free_form', 'why_free', 'regime_card'],
	3: ['charge', 'outcome', 'free_form', 'why_free', 'regime_card', 'sessions']
};

/** What a question is about, in the words of the topic list the progress page shows. */
export const KIND_TOPIC: Record<QuestionKind, string> = {
	charge: 'What a message costs',
	outcome: 'Charged, free or blocked',
	free_form: 'When free-form is allowed',
	why_free: 'Why a message was free',
	regime_card: 'Which rules and rate card apply',
	sessions: 'Which sessions are open'
};

export interface Question {
	id: string;
	kind: QuestionKind;
	level: Level;
	prompt: string;
	/** A complete scenario file. */
	scenario: Scenario;
	/** Input index of the message the question is about (for moments: the last message before it). */
	event: number;
	/** For moment questions: the instant asked about. */
	at?: string;
	choices: string[];
	answer: string;
	explanation: string;
}

export interface QuizOptions {
	count: number;
	seed: number;
	regime?: RegimeId;
	level?: Level;
}

const MARKETS = ['ID', 'IN', 'BR', 'MX', 'GB', 'DE', 'AR', 'CO', 'ZA', 'EG', '+12125550123', '+14165550123'];
const ZONES = ['UTC', 'Asia/Jakarta', 'America/Sao_Paulo', 'Asia/Kolkata', 'Europe/London'];
const TEMPLATE: readonly TemplateCategory[] = ['marketing', 'utility', 'authentication'];
/** The last date scenarios are drawn up to (the newest card's period). */
const LAST_DATE = '2026-11-30';

const endOf = (r: Regime): string => {
	const next = REGIMES[REGIMES.indexOf(r) + 1];
	return next ? next.startsOn : LAST_DATE;
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** A scenario of the level's size, in the period of a regime (pinned when asked for). */
function randomScenario(rng: Random, level: Level, regimeId: RegimeId | undefined, name: string): Scenario {
	const regime = regimeId ? regimeById(regimeId) : rng.pick(REGIMES);
	const date = addDays(
		regime.startsOn,
		rng.int(0, Math.max(0, daysBetween(regime.startsOn, endOf(regime)) - 5))
	);
	const timezone = rng.pick(ZONES);
	let t = startOfLocalDate(date, timezone) + rng.int(7, 13) * HOUR;
	const n = level === 1 ? rng.int(2, 3) : level === 2 ? rng.int(3, 5) : rng.int(5, 8);
	const events: ScenarioEvent[] = [];
	const at = () => new Date(t).toISOString();
	if (rng.chance(0.75))
		events.push({
			at: at(),
			type: 'customer_message',
			...(level > 1 && rng.chance(0.25) ? { entry_point: 'ctwa_ad' as const } : {})
		});
	while (events.length < n) {
		// Steps on a 30-minute lattice, sometimes exactly a day: the 24 h edges come up.
		t += rng.chance(0.15) ? 24 * HOUR : rng.int(1, level === 3 ? 40 : 20) * 30 * MINUTE;
		const r = rng.next();
		if (r < 0.25) events.push({ at: at(), type: 'customer_message' });
		else if (r < 0.55)
			events.push({
				at: at(),
				type: 'business_message',
				...(level === 3 && rng.chance(0.1) ? { delivered: false } : {})
			});
		else events.push({ at: at(), type: 'template', category: rng.pick(TEMPLATE) });
	}
	const v = validateScenario({
		format: 'wa-pricing-scenario/1',
		name,
		market: rng.pick(MARKETS),
		timezone,
		...(regimeId ? { regime: regimeId } : {}),
		account: { free_service_used: 1000 },
		events
	});
	if (!v.ok) throw new Error(`quiz: generated an invalid scenario: ${JSON.stringify(v.errors[0])}`);
	return v.scenario;
}

const business = (m: LedgerMessage) => m.type !== 'customer_message' && !m.unpriced;
const what = (m: LedgerMessage) =>
	m.type === 'template'
		? `the ${m.category} template`
		: m.type === 'business_message'
			? 'the agent’s free-form reply'
			: 'the customer’s message';

/** Distinct choices with the answer among them, in a seeded order. */
function choicesWith(rng: Random, answer: string, others: readonly string[], size = 4): string[] {
	const pool = [...new Set(others.filter((o) => o !== answer))];
	return rng.shuffle([answer, ...rng.shuffle(pool).slice(0, size - 1)]);
}

type Built = Omit<Question, 'id' | 'level' | 'scenario'>;

function chargeQuestion(rng: Random, l: Ledger, m: LedgerMessage): Built {
	const answer = formatAmount(m.charge);
	// Distractors: nothing, and what the market's other categories cost that day.
	const other = l.messages.filter((x) => x.charge > 0).map((x) => formatAmount(x.charge));
	const made = [
		formatAmount(0 as never),
		formatAmount((m.charge * 2) as never),
		formatAmount((m.charge + 10_000) as never),
		...other
	];
	return {
		kind: 'charge',
		prompt: `At ${formatLocal(m.at, l.timezone)}, ${what(m)} is sent. What does Meta charge for it, in ${l.currency}?`,
		event: m.event,
		choices: choicesWith(rng, answer, made),
		answer,
		explanation: m.reason
	};
}

function outcomeQuestion(rng: Random, l: Ledger, m: LedgerMessage): Built {
	const choices = choicesWith(
		rng,
		m.outcome,
		OUTCOMES.filter((o) => o !== 'received')
	);
	return {
		kind: 'outcome',
		prompt: `At ${formatLocal(m.at, l.timezone)}, ${what(m)} is sent. What happens to it?`,
		event: m.event,
		choices,
		answer: m.outcome satisfies Outcome,
		explanation: m.reason
	};
}

function freeFormQuestion(rng: Random, l: Ledger, after: LedgerMessage): Built & { at: string } {
	const t = (after.at + rng.int(1, 47) * 30 * MINUTE) as EpochMs;
	const s = stateAt(l, t);
	const answer = s.freeForm.allowed
		? `Yes, until ${formatLocal(s.freeForm.until as EpochMs, l.timezone)}`
		: 'No, only a template';
	const others = [
		'No, only a template',
		`Yes, until ${formatLocal((t + 24 * HOUR) as EpochMs, l.timezone)}`,
		`Yes, until ${formatLocal((after.at + 24 * HOUR) as EpochMs, l.timezone)}`,
		`Yes, until ${formatLocal((t + 72 * HOUR) as EpochMs, l.timezone)}`
	];
	return {
		kind: 'free_form',
		prompt: `It is ${formatLocal(t, l.timezone)}. Can the agent send a free-form (non-template) message now?`,
		event: after.event,
		at: new Date(t).toISOString(),
		choices: choicesWith(rng, answer, others),
		answer,
		explanation: s.freeForm.reason
	};
}

const FREE_CODES = MESSAGE_RULES.filter((r) => r.outcome === 'free' || r.outcome === 'included');
const ruleOf = (code: string) => MESSAGE_RULES.find((r) => r.code === code);

function whyFreeQuestion(rng: Random, l: Ledger, m: LedgerMessage): Built {
	const answer = ruleOf(m.code)?.rule ?? m.reason;
	return {
		kind: 'why_free',
		prompt: `At ${formatLocal(m.at, l.timezone)}, ${what(m)} cost nothing. Why?`,
		event: m.event,
		choices: choicesWith(
			rng,
			answer,
			FREE_CODES.map((r) => r.rule)
		),
		answer,
		explanation: m.reason
	};
}

function regimeCardQuestion(rng: Random, l: Ledger, m: LedgerMessage): Built {
	const card = m.rate ? `, rate card ${m.rate.cardId}` : '';
	const answer = `${regimeById(m.regime).label}${card}`;
	// Every choice names a card when the answer does, none when it does not: the form gives nothing away.
	const others = m.rate
		? REGIMES.flatMap((r) => [`${r.label}${card}`, `${r.label}, rate card ${r.startsOn}-USD`])
		: REGIMES.map((r) => r.label);
	return {
		kind: 'regime_card',
		prompt: `At ${formatLocal(m.at, l.timezone)}, ${what(m)} is priced. Under which rules${m.rate ? ' and which rate card' : ''}?`,
		event: m.event,
		choices: choicesWith(rng, answer, others),
		answer,
		explanation: `${regimeById(m.regime).summary} ${m.reason}`
	};
}

function sessionsText(l: Ledger, t: EpochMs): string {
	const s = stateAt(l, t);
	const parts = s.conversations.map(
		(c) => `${c.category} conversation until ${formatLocal(c.closedAt ?? c.expiresAt, l.timezone)}`
	);
	if (s.serviceWindow)
		parts.unshift(`customer service window until ${formatLocal(s.serviceWindow.expiresAt, l.timezone)}`);
	if (s.freeEntryPoint)
		parts.push(`free entry point until ${formatLocal(s.freeEntryPoint.expiresAt, l.timezone)}`);
	return parts.length ? parts.join('; ') : 'nothing is open';
}

function sessionsQuestion(rng: Random, l: Ledger, after: LedgerMessage): Built & { at: string } {
	const t = (after.at + rng.int(1, 6) * 30 * MINUTE) as EpochMs;
	const answer = sessionsText(l, t);
	// Distractors: what was open at other moments of the same run.
	const others = [0, 12, 24, 36, 48, 72].map((h) => sessionsText(l, (after.at - h * HOUR) as EpochMs));
	others.push(sessionsText(l, (t + 25 * HOUR) as EpochMs), 'nothing is open');
	return {
		kind: 'sessions',
		prompt: `It is ${formatLocal(t, l.timezone)}. Which sessions are active, and until when?`,
		event: after.event,
		at: new Date(t).toISOString(),
		choices: choicesWith(rng, answer, others),
		answer,
		explanation: stateAt(l, t).freeForm.reason
	};
}

/** Question n of a seed: tries scenarios until one suits the drawn kind (deterministic). */
export function question(seed: number, n: number, level: Level = 2, regime?: RegimeId): Question {
	const rng = seeded((Math.imul(seed, 2_654_435_761) ^ Math.imul(n + 1, 40_503)) >>> 0);
	const kind = rng.pick(KINDS_BY_LEVEL[level]);
	for (let attempt = 0; ; attempt++) {
		const scenario = randomScenario(rng, level, regime, `Quiz ${seed}-${n}`);
		const l = priceScenario(scenario);
		const sent = l.messages.filter(business);
		const free = sent.filter((m) => m.outcome === 'free' || m.outcome === 'included');
		let built: Built | null = null;
		if ((kind === 'charge' || kind === 'outcome' || kind === 'regime_card') && sent.length) {
			const m = rng.pick(sent);
			built =
				kind === 'charge'
					? chargeQuestion(rng, l, m)
					: kind === 'outcome'
						? outcomeQuestion(rng, l, m)
						: regimeCardQuestion(rng, l, m);
		} else if (kind === 'why_free' && free.length) built = whyFreeQuestion(rng, l, rng.pick(free));
		else if (kind === 'free_form' || kind === 'sessions') {
			const after = rng.pick(l.messages);
			built = kind === 'free_form' ? freeFormQuestion(rng, l, after) : sessionsQuestion(rng, l, after);
		}
		if (built && built.choices.length >= 2) return { id: `${seed}-${n}`, level, scenario, ...built };
		if (attempt > 50) throw new Error(`quiz: no ${kind} question found for seed ${seed}, question ${n}`);
	}
}

export function questionBank(o: QuizOptions): Question[] {
	return Array.from({ length: o.count }, (_, n) => question(o.seed, n, o.level ?? 2, o.regime));
}
