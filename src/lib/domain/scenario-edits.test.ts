import { describe, expect, it } from 'vitest';
import { isoInZone, localInputError, parseLocalInput, toLocalInput } from './local-time';
import { validateScenario, type Scenario } from './scenario';
import {
	addEvent,
	blankScenario,
	buildEvent,
	deleteEvent,
	draftOf,
	moveEvent,
	setAccount,
	setRegime,
	setSettings,
	updateEvent,
	type EventDraft
} from './scenario-edits';
import { asEpochMs } from './units';

const jakarta = (): Scenario => ({ ...blankScenario('Asia/Jakarta'), name: 'Edits' });
const at = (iso: string) => asEpochMs(Date.parse(iso));
const draft = (d: Partial<EventDraft>): EventDraft => ({
	kind: 'customer_message',
	category: 'marketing',
	text: '',
	caption: '',
	delivered: true,
	...d
});

describe('scenario edits are pure and immutable', () => {
	it('addEvent appends a valid event written with the zone offset, leaving the input untouched', () => {
		const s = jakarta();
		const frozen = structuredClone(s);
		const next = addEvent(
			s,
			buildEvent(
				draft({ kind: 'template', category: 'authentication' }),
				at('2023-09-12T05:05:00Z'),
				s.timezone
			)
		);
		expect(s).toEqual(frozen);
		expect(next.events).toEqual([
			{ at: '2023-09-12T12:05:00+07:00', type: 'template', category: 'authentication' }
		]);
		expect(validateScenario(next).ok).toBe(true);
	});

	it('builds every kind of event the editor offers', () => {
		const t = at('2023-09-12T02:00:00Z');
		const tz = 'Asia/Jakarta';
		expect(buildEvent(draft({ kind: 'customer_ctwa_ad', text: ' hi ' }), t, tz)).toEqual({
			at: '2023-09-12T09:00:00+07:00',
			type: 'customer_message',
			entry_point: 'ctwa_ad',
			text: 'hi'
		});
		expect(buildEvent(draft({ kind: 'customer_page_cta' }), t, tz)).toMatchObject({
			entry_point: 'page_cta'
		});
		expect(buildEvent(draft({ kind: 'business_message', delivered: false }), t, tz)).toEqual({
			at: '2023-09-12T09:00:00+07:00',
			type: 'business_message',
			delivered: false
		});
		// A customer message cannot "fail": the delivered flag only applies to what the business sends.
		expect(buildEvent(draft({ kind: 'customer_message', delivered: false }), t, tz)).not.toHaveProperty(
			'delivered'
		);
	});

	it('draftOf reads an event back into the editor', () => {
		expect(draftOf({ at: 'x', type: 'customer_message', entry_point: 'page_cta' }).kind).toBe(
			'customer_page_cta'
		);
		expect(
			draftOf({ at: 'x', type: 'template', category: 'utility', delivered: false, text: 'Order shipped' })
		).toEqual({
			kind: 'template',
			category: 'utility',
			text: 'Order shipped',
			caption: '',
			delivered: false
		});
	});

	it('updateEvent replaces one event whole; moveEvent keeps its fields and changes only the time', () => {
		let s = jakarta();
		s = addEvent(s, { at: '2023-09-12T09:00:00+07:00', type: 'customer_message', text: 'hello' });
		s = addEvent(s, { at: '2023-09-12T10:00:00+07:00', type: 'business_message' });
		const moved = moveEvent(s, 0, at('2023-09-12T04:30:00Z'));
		expect(moved.events[0]).toEqual({
			at: '2023-09-12T11:30:00+07:00',
			type: 'customer_message',
			text: 'hello'
		});
		expect(moved.events[1]).toBe(s.events[1]);
		const updated = updateEvent(s, 1, {
			at: '2023-09-12T10:00:00+07:00',
			type: 'template',
			category: 'marketing'
		});
		expect(updated.events[1]).toEqual({
			at: '2023-09-12T10:00:00+07:00',
			type: 'template',
			category: 'marketing'
		});
		expect(s.events[1]?.type).toBe('business_message');
		expect(updateEvent(s, 7, { at: 'x', type: 'customer_message' })).toBe(s);
	});

	it('deleteEvent removes by input index', () => {
		let s = jakarta();
		for (const h of ['09', '10', '11'])
			s = addEvent(s, { at: `2023-09-12T${h}:00:00+07:00`, type: 'customer_message' });
		expect(deleteEvent(s, 1).events.map((e) => e.at.slice(11, 13))).toEqual(['09', '11']);
		expect(deleteEvent(s, 5)).toBe(s);
	});

	it('settings edits: regime pin and unpin, account and window-end assumptions', () => {
		const s = setRegime(jakarta(), 'pmp-2025-07');
		expect(s.regime).toBe('pmp-2025-07');
		expect('regime' in setRegime(s, null)).toBe(false);
		const a = setAccount(setAccount(s, { free_service_used: 1000 }), { free_service_tier_2026: false });
		expect(a.account).toEqual({ free_service_used: 1000, free_service_tier_2026: false });
		expect(setSettings(a, { window_end: 'inclusive' }).settings).toEqual({ window_end: 'inclusive' });
		expect(validateScenario(setSettings(a, { window_end: 'inclusive' })).ok).toBe(true);
	});
});

describe('local time in the scenario zone', () => {
	it('round-trips datetime-local values through instants', () => {
		const t = parseLocalInput('2023-09-12T12:05', 'Asia/Jakarta');
		expect(t).toBe(at('2023-09-12T05:05:00Z'));
		expect(toLocalInput(t!, 'Asia/Jakarta')).toBe('2023-09-12T12:05');
		expect(isoInZone(t!, 'America/Sao_Paulo')).toBe('2023-09-12T02:05:00-03:00');
		expect(isoInZone(t!, 'UTC')).toBe('2023-09-12T05:05:00+00:00');
	});

	it('refuses empty, malformed and non-existent local times with a reason', () => {
		expect(localInputError('', 'UTC')).toMatch(/Enter a date/);
		expect(localInputError('12/09/2023', 'UTC')).toMatch(/YYYY-MM-DD/);
		expect(parseLocalInput('2023-02-30T10:00', 'UTC')).toBeNull();
		// 02:30 on 26 Mar 2023 does not exist in Berlin: clocks jump from 02:00 to 03:00.
		expect(parseLocalInput('2023-03-26T02:30', 'Europe/Berlin')).toBeNull();
		expect(localInputError('2023-03-26T02:30', 'Europe/Berlin')).toMatch(/does not exist in Europe\/Berlin/);
		expect(localInputError('2023-03-26T03:30', 'Europe/Berlin')).toBeNull();
	});
});
