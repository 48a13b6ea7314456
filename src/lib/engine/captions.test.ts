import { describe, expect, it } from 'vitest';
import { timedEvents, validateScenario, type Scenario } from '$lib/domain/scenario';
import { buildEvent, DEFAULT_DRAFT, draftOf, moveEvent, updateEvent } from '$lib/domain/scenario-edits';
import { asEpochMs } from '$lib/domain/units';
import { useCaseById } from '$lib/domain/use-cases';
import { captionsOf, narratedOriginal, nextStop, stepStops } from './captions';
import { replay } from './replay';

const uc1 = useCaseById('service-conversation')!.scenario;
const captions = (s: Scenario, original: Scenario = uc1) =>
	captionsOf(s, timedEvents(s), replay(s), { scenario: original, ledger: replay(original) });

describe('captions', () => {
	it('stepping stops at every one of use case 1’s 7 captions and its events, and ends', () => {
		const all = captions(uc1);
		expect(all).toHaveLength(7);
		const stops = stepStops(timedEvents(uc1), all);
		let t: number = timedEvents(uc1)[0]!.t - 1;
		const reached: number[] = [];
		for (let s = nextStop(stops, t, 1); s !== null; s = nextStop(stops, t, 1)) reached.push((t = s));
		for (const c of all) expect(reached).toContain(c.t);
		expect(nextStop(stops, t, 1)).toBeNull();
		expect(nextStop(stops, stops[0]!, -1)).toBeNull();
	});

	it('nextStop finds what a linear search finds, both ways, between, on and beyond the stops', () => {
		let seed = 7;
		const rand = (n: number) => (seed = (seed * 16_807) % 2_147_483_647) % n;
		for (let run = 0; run < 200; run++) {
			const stops = Float64Array.from({ length: rand(12) }, () => rand(40)).sort();
			const unique = [...new Set(stops)];
			for (let t = -2; t <= 42; t++) {
				expect(nextStop(Float64Array.from(unique), t, 1)).toBe(unique.find((s) => s > t) ?? null);
				expect(nextStop(Float64Array.from(unique), t, -1)).toBe(unique.findLast((s) => s < t) ?? null);
			}
		}
	});

	it('stepStops: events and captions, ascending, each instant once', () => {
		const timed = timedEvents(uc1);
		const all = captions(uc1);
		const expected = [...new Set([...timed.map((e) => e.t), ...all.map((c) => c.t)])].sort((a, b) => a - b);
		expect([...stepStops(timed, all)]).toEqual(expected);
		expect([...stepStops(timed, [])]).toEqual([...new Set(timed.map((e) => e.t))]);
	});

	it('flags only the captions whose moment changed: use case 1 with the last reply moved inside the window', () => {
		// The 13:00 reply (event 4) moved to 11:30 on the second day: included, no longer blocked.
		const moved = moveEvent(uc1, 4, asEpochMs(Date.parse('2023-09-13T11:30:00+07:00')));
		const ledger = replay(moved);
		expect(ledger.messages[4]?.outcome).not.toBe('blocked');
		const all = captions(moved);
		expect(all.map((c) => c.stale)).toEqual([false, false, false, false, false, true, true]);
		expect(all.at(-1)?.text).toMatch(/blocked/);
	});

	it('an unedited or merely renamed use case flags nothing', () => {
		expect(captions(uc1).some((c) => c.stale)).toBe(false);
		expect(captions({ ...uc1, name: 'Mine' }).some((c) => c.stale)).toBe(false);
	});

	it('the original of an edited use case is the shipped one, also after a save (another object)', () => {
		const saved = structuredClone({ ...uc1, name: 'Saved copy' });
		expect(narratedOriginal(saved, saved)).toBe(uc1);
		const own = { ...uc1, narration: [{ at: uc1.events[0]!.at, text: 'My own words' }] };
		expect(narratedOriginal(own, own)).toBe(own);
	});

	it('an event’s caption is shown at its event, follows it when moved and is never flagged', () => {
		const base = useCaseById('multiple-conversations')!.scenario;
		const noted = updateEvent(base, 1, { ...base.events[1]!, caption: 'Now a second charge.' });
		expect(validateScenario(noted).ok).toBe(true);
		const moved = moveEvent(noted, 1, asEpochMs(Date.parse('2023-09-12T15:00:00+07:00')));
		const c = captions(moved, base).find((x) => x.event === 1);
		expect(c).toMatchObject({ text: 'Now a second charge.', stale: false });
		expect(new Date(c!.t).toISOString()).toBe('2023-09-12T08:00:00.000Z');
	});

	it('the editor round-trips a caption; files without one stay valid', () => {
		const e = buildEvent({ ...DEFAULT_DRAFT, caption: '  Say this  ' }, asEpochMs(0), 'UTC');
		expect(e.caption).toBe('Say this');
		expect(draftOf(e).caption).toBe('Say this');
		expect(buildEvent(DEFAULT_DRAFT, asEpochMs(0), 'UTC')).not.toHaveProperty('caption');
		expect(validateScenario({ ...uc1, events: [{ ...uc1.events[0]!, caption: 'x'.repeat(501) }] }).ok).toBe(
			false
		);
	});
});
