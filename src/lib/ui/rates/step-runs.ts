/**
 * Step-chart data for a rate's history: each card's value holds from its date until the next card's
 * date. A card without a value leaves a gap (README: a missing row is "no value", not zero and not
 * unchanged); optionally the value the lookup would carry forward is drawn as a separate, dashed run.
 * A change of pricing model always starts a new run: per conversation and per message are different units.
 */
import type { PricingModel, RateHistoryPoint } from '$lib/domain/rate-card';
import { formatAmount, type Micros } from '$lib/domain/units';
import { CONFIDENCE_TEXT, formatDay, MODEL_UNIT } from './rates-view';

export interface StepPoint {
	date: string;
	rate: Micros;
}

export interface StepRun {
	kind: 'card' | 'carried';
	model: PricingModel;
	/** Interval starts, then the last interval's end with the same rate (so a step-after curve ends there). */
	points: StepPoint[];
}

export function stepRuns(history: readonly RateHistoryPoint[], end: string, carry = false): StepRun[] {
	const runs: StepRun[] = [];
	const last = new Map<PricingModel, Micros>();
	let current: StepRun | null = null;
	history.forEach((p, i) => {
		const next = history[i + 1]?.effectiveFrom ?? end;
		let rate: Micros;
		let kind: StepRun['kind'];
		if (p.rate !== null) {
			rate = p.rate;
			kind = 'card';
			last.set(p.model, p.rate);
		} else {
			const carried = carry ? last.get(p.model) : undefined;
			if (carried === undefined) {
				current = null;
				return;
			}
			rate = carried;
			kind = 'carried';
		}
		const start = { date: p.effectiveFrom, rate };
		const stop = { date: next < p.effectiveFrom ? p.effectiveFrom : next, rate };
		const run = current as StepRun | null;
		if (run && run.kind === kind && run.model === p.model) {
			run.points.pop(); // the previous interval's end is this interval's start
			run.points.push(start, stop);
		} else {
			current = { kind, model: p.model, points: [start, stop] };
			runs.push(current);
		}
	});
	return runs;
}

/** "2026-11-24" moved by whole months (UTC calendar, day clamped to the 1st: axis padding only). */
export function addMonths(date: string, months: number): string {
	const [y = 2000, m = 1] = date.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 + months, 1));
	return d.toISOString().slice(0, 10);
}

/** The x extent: every card and the selected date, with a little room either side. */
export function chartDomain(history: readonly RateHistoryPoint[], selected: string): [string, string] {
	const dates = [...history.map((p) => p.effectiveFrom), selected].sort();
	const first = dates[0] ?? selected;
	const lastDate = dates[dates.length - 1] ?? selected;
	return [addMonths(first, -2), addMonths(lastDate, 6)];
}

/** What a point says when focused or hovered: date, card, value with its unit, confidence. */
export function pointLabel(p: RateHistoryPoint, currency: string): string {
	const head = `${formatDay(p.effectiveFrom)} · card ${p.cardId}`;
	if (p.rate === null) return `${head} · no value on this card (not zero)`;
	const conf = p.confidence ? ` · ${CONFIDENCE_TEXT[p.confidence].label}` : '';
	return `${head} · ${formatAmount(p.rate)} ${currency} ${MODEL_UNIT[p.model]}${conf}`;
}
