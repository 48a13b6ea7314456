import { describe, expect, it } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import { CONVERSATION_DURATION, CUSTOMER_SERVICE_WINDOW, FREE_ENTRY_POINT_DURATION } from '$lib/domain/units';
import { replay } from '$lib/engine/replay';
import { contentExtent, LANES, laneItems, laneRows } from './lanes';

const ledgerOf = (id: string) => {
	const uc = useCaseById(id);
	if (!uc) throw new Error(`no use case ${id}`);
	return replay(uc.scenario);
};
const at = (iso: string) => Date.parse(iso);

describe('laneItems, use case 5 (multiple conversations)', () => {
	const { marks, bands } = laneItems(ledgerOf('multiple-conversations'));

	it('puts one 24 h band in the marketing lane and one in the authentication lane', () => {
		expect(bands.map((b) => [b.lane, b.start, b.end, b.charge])).toEqual([
			[
				'marketing',
				at('2023-09-12T12:00+07:00'),
				at('2023-09-12T12:00+07:00') + CONVERSATION_DURATION,
				41_100
			],
			[
				'authentication',
				at('2023-09-12T12:05+07:00'),
				at('2023-09-12T12:05+07:00') + CONVERSATION_DURATION,
				30_000
			]
		]);
		expect(bands.every((b) => !b.closedEarly)).toBe(true);
	});
	it('puts both templates in the business lane as charged diamonds of their category', () => {
		expect(marks.map((m) => [m.lane, m.shape, m.tone, m.outcome, m.event])).toEqual([
			['business', 'diamond', 'marketing', 'charged', 0],
			['business', 'diamond', 'authentication', 'charged', 1]
		]);
	});
});

describe('laneItems, use case 2 (click-to-WhatsApp)', () => {
	const ledger = ledgerOf('click-to-whatsapp');
	const { marks, bands } = laneItems(ledger);

	it('draws the free entry point as a 72 h band from the reply', () => {
		const fep = bands.filter((b) => b.lane === 'free_entry_point');
		expect(fep).toHaveLength(1);
		expect(fep[0]?.start).toBe(at('2023-09-12T10:00+07:00'));
		expect((fep[0]?.end ?? 0) - (fep[0]?.start ?? 0)).toBe(FREE_ENTRY_POINT_DURATION);
	});
	it('draws the customer service window 24 h from the ad message, and the later marketing conversation', () => {
		const csw = bands.find((b) => b.lane === 'service_window');
		expect([csw?.start, csw?.end]).toEqual([
			at('2023-09-12T09:00+07:00'),
			at('2023-09-12T09:00+07:00') + CUSTOMER_SERVICE_WINDOW
		]);
		expect(csw?.resets).toEqual([]);
		expect(bands.filter((b) => b.lane === 'marketing').map((b) => b.start)).toEqual([
			at('2023-09-15T11:00+07:00')
		]);
	});
	it('separates the customer lane from the business lane, and keeps the blocked free-form message', () => {
		expect(marks.filter((m) => m.lane === 'customer').map((m) => m.event)).toEqual([0]);
		const blocked = marks.find((m) => m.outcome === 'blocked');
		expect([blocked?.event, blocked?.shape, blocked?.tone]).toEqual([3, 'circle', 'service']);
	});
	it('extends the content to the end of the last window', () => {
		expect(contentExtent(ledger)).toEqual([at('2023-09-12T09:00+07:00'), at('2023-09-16T11:00+07:00')]);
	});
});

describe('laneItems, restarts and early closes', () => {
	it('marks where customer messages restarted the customer service window (use case 1)', () => {
		const csw = laneItems(ledgerOf('service-conversation')).bands.find((b) => b.lane === 'service_window');
		expect(csw?.resets).toEqual([at('2023-09-12T12:00+07:00')]);
		expect(csw?.end).toBe(at('2023-09-13T12:00+07:00'));
	});
	it('ends a conversation closed by a free entry point at closedAt, remembering when it would have expired', () => {
		const ledger = ledgerOf('multiple-conversations');
		const c0 = ledger.conversations[0];
		if (!c0) throw new Error('no conversation');
		const closedAt = (c0.openedAt + 3_600_000) as typeof c0.openedAt;
		const { bands } = laneItems({ ...ledger, conversations: [{ ...c0, closedAt }] });
		expect(bands[0]).toMatchObject({
			start: c0.openedAt,
			end: closedAt,
			expiresAt: c0.expiresAt,
			closedEarly: true
		});
	});
});

describe('laneRows', () => {
	it('stacks the lanes in the documented order without overlap', () => {
		const { rows, bottom } = laneRows(30);
		expect(rows.map((r) => r.id)).toEqual(LANES.map((l) => l.id));
		expect(rows[0]?.y).toBe(30);
		for (let i = 1; i < rows.length; i++)
			expect(rows[i]?.y).toBe((rows[i - 1]?.y ?? 0) + (rows[i - 1]?.height ?? 0));
		expect(bottom).toBe(30 + 2 * 50 + 6 * 26);
	});
	it('fills a given height, but never squeezes a lane below a readable minimum', () => {
		expect(laneRows(30, 30 + 2 * 100 + 6 * 52).bottom).toBe(30 + 2 * 100 + 6 * 52);
		const tiny = laneRows(30, 60).rows;
		expect(Math.min(...tiny.map((r) => r.height))).toBe(16);
	});
});
