/**
 * Captions: the words shown during a replay or a demo (issue 14 point 5). Two kinds —
 *  - the scenario's narration (the documented use cases'), pinned to instants, and
 *  - a note on an event (`caption` in the scenario file), which moves with its event: how a
 *    salesperson narrates a custom scenario.
 *
 * Narration is written for one scenario. After an edit a caption may no longer be true (use case 1's
 * "a free-form reply now is blocked" once that reply was moved inside the window). Each narration
 * caption is checked, not the whole set: a caption describes its moment — the messages so far and
 * what is open then — so it still stands when the ledger up to and at its instant is the same as in
 * the scenario it was written for; otherwise it is flagged (shown, marked "written for the original
 * scenario"). Flagged rather than hidden: a person who moved one message still wants the rest of the
 * story, and a flag says why the words disagree with the numbers. Event captions are the person's
 * own words about their own event, so they are never flagged.
 */
import type { Scenario, TimedEvent } from '$lib/domain/scenario';
import { parseInstant } from '$lib/domain/time';
import type { EpochMs } from '$lib/domain/units';
import { USE_CASES } from '$lib/domain/use-cases';
import type { Ledger } from './ledger';
import { stateAt } from './state-at';

export interface Caption {
	t: EpochMs;
	text: string;
	/** The input index of the event whose note it is; null for the scenario's narration. */
	event: number | null;
	/** A narration caption whose moment no longer matches the scenario it was written for. */
	stale: boolean;
}

/**
 * The scenario a narration was written for: the shipped use case with the very same narration (so an
 * edited use case saved as a run or shared is still checked against the use case), else `opened`,
 * the scenario as it was opened.
 */
export function narratedOriginal(scenario: Scenario, opened: Scenario): Scenario {
	if (!scenario.narration?.length) return opened;
	const text = JSON.stringify(scenario.narration);
	return USE_CASES.find((u) => JSON.stringify(u.scenario.narration) === text)?.scenario ?? opened;
}

/** What a caption at `t` can speak of: every message so far with its outcome and charge, and what is open at t. */
export function momentSignature(ledger: Ledger, t: EpochMs): string {
	const parts: string[] = [];
	for (const m of ledger.messages) {
		if (m.at > t) break;
		parts.push(`${m.at}|${m.type}|${m.category}|${m.outcome}|${m.charge}|${m.code}`);
	}
	const s = stateAt(ledger, t);
	const w = s.serviceWindow;
	const f = s.freeEntryPoint;
	parts.push(
		`w:${w ? `${w.openedAt}-${w.expiresAt}` : '-'}`,
		`f:${f ? `${f.openedAt}-${f.expiresAt}` : '-'}`,
		`c:${s.conversations.map((c) => `${c.category}@${c.openedAt}-${c.expiresAt}=${c.charge}`).join(',')}`,
		`free-form:${s.freeForm.allowed}`,
		`total:${s.total}`
	);
	return parts.join('\n');
}

/**
 * Every caption in time order (narration before event notes at the same instant). `original`: the
 * scenario the narration was written for and its ledger; null when it cannot be checked (too large
 * to price twice), then nothing is flagged.
 */
export function captionsOf(
	scenario: Scenario,
	timed: readonly TimedEvent[],
	/** The scenario's ledger: needed only when `original` is another scenario (null otherwise). */
	ledger: Ledger | null,
	original: { scenario: Scenario; ledger: Ledger } | null
): Caption[] {
	const out: Caption[] = [];
	const same = !original || original.scenario === scenario || !ledger;
	for (const n of scenario.narration ?? []) {
		const t = parseInstant(n.at);
		if (t === null) continue;
		const stale = !same && momentSignature(ledger, t) !== momentSignature(original.ledger, t);
		out.push({ t, text: n.text, event: null, stale });
	}
	for (const e of timed) {
		const text = e.event.caption?.trim();
		if (text) out.push({ t: e.t, text, event: e.index, stale: false });
	}
	// A stable sort: at one instant, narration before notes, each in its own order.
	return out.sort((a, b) => a.t - b.t);
}

/**
 * The instants "Previous/Next event" stop at: every event and every caption, once each, ascending.
 * A typed array: events come in time order, and with captions among them it sorts numerically in
 * native code (a comparator sort took ~90 ms on 100,000 events); no 100,000-number JS array either.
 */
export function stepStops(timed: readonly TimedEvent[], captions: readonly Caption[]): Float64Array {
	const sorted = new Float64Array(timed.length + captions.length);
	for (let i = 0; i < timed.length; i++) sorted[i] = timed[i]!.t;
	for (let i = 0; i < captions.length; i++) sorted[timed.length + i] = captions[i]!.t;
	if (captions.length) sorted.sort();
	let n = 0;
	for (let i = 0; i < sorted.length; i++)
		if (n === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
	return sorted.subarray(0, n);
}

/**
 * The first stop after t (direction 1) or the last before it (−1); null at either end. A binary
 * search: the playback buttons ask both ways on every playhead move, of 100,000 stops in a large run.
 */
export function nextStop(stops: ArrayLike<number>, t: number, direction: 1 | -1): EpochMs | null {
	// The first index whose stop is after t (direction 1), or at or after t (−1).
	let lo = 0;
	let hi = stops.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (direction > 0 ? stops[mid]! > t : stops[mid]! >= t) hi = mid;
		else lo = mid + 1;
	}
	const i = direction > 0 ? lo : lo - 1;
	return i >= 0 && i < stops.length ? (stops[i] as EpochMs) : null;
}
