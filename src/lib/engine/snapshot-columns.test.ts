/**
 * The column recorder records what the object recorder records, call for call — including when it
 * outgrows the room it was given (column-ledger.test.ts covers it through whole runs, where it rarely
 * has to grow).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationCategory } from '$lib/domain/scenario';
import type { EpochMs, Micros } from '$lib/domain/units';
import type { LedgerConversation, LedgerSnapshot, LedgerWindow } from './ledger';
import { MESSAGE_CATEGORIES, NONE, type SnapshotColumns } from './ledger-columns';
import { ColumnSnapshotRecorder } from './snapshot-columns';
import { SnapshotRecorder } from './snapshots';

const H = 3_600_000;

/** The columns read back as the object recorder's snapshots. */
function asObjects(c: SnapshotColumns): LedgerSnapshot[] {
	return Array.from({ length: c.length }, (_, i) => ({
		at: c.at[i] as EpochMs,
		serviceWindow:
			c.serviceWindow[i] === NONE
				? null
				: {
						id: c.serviceWindow[i] as number,
						expiresAt: c.serviceExpiresAt[i] as EpochMs,
						lastResetAt: c.serviceLastResetAt[i] as EpochMs
					},
		freeEntryPoint: c.freeEntryPoint[i] === NONE ? null : (c.freeEntryPoint[i] as number),
		conversations: Array.from(c.convIds.subarray(c.convStart[i], c.convStart[i + 1])),
		messagesSoFar: c.messagesSoFar[i] as number,
		total: c.total[i] as Micros,
		totalsByCategory: Object.fromEntries(
			MESSAGE_CATEGORIES.map((k, q) => [k, c.totals[i * 4 + q] as Micros])
		) as Record<ConversationCategory, Micros>
	}));
}

const window = (id: number, opened: number, hours: number): LedgerWindow => ({
	id,
	kind: id % 2 ? 'free_entry_point' : 'customer_service',
	openedAt: opened as EpochMs,
	expiresAt: (opened + hours * H) as EpochMs,
	lastResetAt: opened as EpochMs,
	openedBy: 0
});
const conversation = (id: number, opened: number): LedgerConversation => ({
	id,
	category: MESSAGE_CATEGORIES[id % 4] as ConversationCategory,
	openedAt: opened as EpochMs,
	expiresAt: (opened + 24 * H) as EpochMs,
	closedAt: null,
	charge: 0 as Micros,
	openedBy: 0,
	regime: 'cbp-2023-06'
});

const step = fc.record({
	gapHours: fc.integer({ min: 0, max: 40 }),
	category: fc.constantFrom(null, ...MESSAGE_CATEGORIES),
	charge: fc.constantFrom(0, 5_000, 12_345),
	window: fc.integer({ min: -1, max: 5 }),
	entryPoint: fc.integer({ min: -1, max: 5 }),
	conversations: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 4 })
});

describe('ColumnSnapshotRecorder', () => {
	it('records what SnapshotRecorder records, growing past the room it was given', () => {
		fc.assert(
			fc.property(fc.array(step, { maxLength: 60 }), fc.boolean(), (steps, inclusive) => {
				const t0 = Date.UTC(2025, 0, 1);
				const windows = Array.from({ length: 6 }, (_, id) => window(id, t0 + id * 10 * H, id % 2 ? 72 : 24));
				const conversations = Array.from({ length: 8 }, (_, id) => conversation(id, t0 + id * 7 * H));
				const objects = new SnapshotRecorder(inclusive, windows, conversations);
				const columns = new ColumnSnapshotRecorder(inclusive, windows, conversations, 0);
				let t = t0;
				for (const s of steps) {
					t += s.gapHours * H;
					const open = {
						serviceWindow: s.window < 0 ? null : (windows[s.window] as LedgerWindow),
						freeEntryPoint: s.entryPoint < 0 ? null : s.entryPoint,
						conversations: [...s.conversations].sort((a, b) => a - b)
					};
					for (const r of [objects, columns]) {
						r.endsUntil(t);
						r.count(s.category, s.charge);
						r.take(t, open);
					}
				}
				objects.endsUntil(Infinity);
				columns.endsUntil(Infinity);
				expect(asObjects(columns.finish())).toEqual(objects.snapshots);
			}),
			{ numRuns: 300 }
		);
	});
});
