/**
 * A webhook log kept compactly while it is read (issue 12: a million statuses in flat memory).
 * LogReader (parse.ts) still reads and checks every status; this reader folds each one straight
 * into its message — the rules of `loggedMessages` (reconcile.ts) applied as statuses arrive — so no
 * status object outlives its line. Ids are interned (message ids, recipients, business numbers,
 * conversation ids: one string each), per-message facts live in typed arrays, and deduplication is
 * a bit per message and status instead of a set of "id|status" strings.
 */
import {
	CATEGORIES,
	LogReader,
	STATUSES,
	type BilledCategory,
	type InboundRecord,
	type StatusRecord
} from './parse';

/** Absent (no pricing seen, no model, no conversation, no business number). */
export const NONE = 255;
export const UNKNOWN_CATEGORY = CATEGORIES.length;
export const MODELS = ['CBP', 'PMP', 'unknown'] as const;

/** A category code of this file as the billed category (or 'unknown', or null when absent). */
export const categoryName = (code: number): BilledCategory | 'unknown' | null =>
	code === NONE ? null : code === UNKNOWN_CATEGORY ? 'unknown' : (CATEGORIES[code] as BilledCategory);
export const modelName = (code: number): 'CBP' | 'PMP' | 'unknown' | null =>
	code === NONE ? null : (MODELS[code] as 'CBP' | 'PMP' | 'unknown');

const STATUS_BIT: Record<string, number> = Object.fromEntries(
	[...STATUSES, 'unknown'].map((s, i) => [s, 1 << i])
);
const DELIVERED_BITS = STATUS_BIT.delivered! | STATUS_BIT.read! | STATUS_BIT.played!;

/** Strings numbered in order of first appearance. */
export class Interner {
	readonly list: string[] = [];
	private index = new Map<string, number>();
	id(s: string): number {
		let i = this.index.get(s);
		if (i === undefined) {
			i = this.list.length;
			this.list.push(s);
			this.index.set(s, i);
		}
		return i;
	}
	get(s: string): number | undefined {
		return this.index.get(s);
	}
	get size(): number {
		return this.list.length;
	}
	/** Drops the lookup table once reading is over (the list stays). */
	seal(): void {
		this.index = new Map();
	}
}

type Typed = Float64Array | Int32Array | Uint8Array | Int8Array;

/** A typed array that doubles when full. */
class Column<T extends Typed> {
	data: T;
	constructor(
		private readonly make: (n: number) => T,
		private readonly fill: number
	) {
		this.data = make(1024);
		if (fill !== 0) this.data.fill(fill);
	}
	ensure(n: number): void {
		if (n <= this.data.length) return;
		let size = this.data.length;
		while (size < n) size *= 2;
		const next = this.make(size);
		if (this.fill !== 0) next.fill(this.fill);
		next.set(this.data as never);
		this.data = next;
	}
}

/** One message per id, folded from its statuses; columns indexed by message number. */
export interface CompactMessages {
	count: number;
	ids: readonly string[];
	sentAt: Float64Array;
	recipient: Int32Array;
	/** Business number (index into `phones`), -1 when none. */
	phone: Int32Array;
	category: Uint8Array;
	model: Uint8Array;
	/** -1 unknown (null), 0 not billed, 1 billed. */
	billed: Int8Array;
	conversation: Int32Array;
	/** Bits of the statuses seen (sent, delivered, read, played, failed, unknown). */
	seen: Uint8Array;
	/** Error codes of failed statuses, for the few messages that have them. */
	errorCodes: Map<number, number[]>;
}

export interface CompactInbound {
	count: number;
	from: Int32Array;
	at: Float64Array;
	referral: Uint8Array;
	phone: Int32Array;
}

export class CompactLogReader extends LogReader {
	readonly recipients = new Interner();
	readonly phones = new Interner();
	/** Business numbers named by any status (not only a message's first). */
	readonly statusPhones = new Set<number>();
	private readonly messageIds = new Interner();
	private readonly conversations = new Interner();
	private sentAt = new Column((n) => new Float64Array(n), 0);
	private recipient = new Column((n) => new Int32Array(n), -1);
	private phone = new Column((n) => new Int32Array(n), -1);
	private category = new Column((n) => new Uint8Array(n), NONE);
	private model = new Column((n) => new Uint8Array(n), NONE);
	private billed = new Column((n) => new Int8Array(n), -1);
	private conversation = new Column((n) => new Int32Array(n), -1);
	private seenBits = new Column((n) => new Uint8Array(n), 0);
	private errorCodes = new Map<number, number[]>();
	/** Per conversation: its earliest message and that message's time (CBP bills a conversation once). */
	private convFirst = new Column((n) => new Int32Array(n), -1);
	private convFirstAt = new Column((n) => new Float64Array(n), 0);
	private inFrom = new Column((n) => new Int32Array(n), -1);
	private inAt = new Column((n) => new Float64Array(n), 0);
	private inReferral = new Column((n) => new Uint8Array(n), 0);
	private inPhone = new Column((n) => new Int32Array(n), -1);
	private inboundCount = 0;
	/** The message the last seenBefore() found or made (keepStatus() follows it at once). */
	private lastMessage = -1;
	private lastPhone: string | null = null;
	private lastPhoneId = -1;

	protected override seenBefore(id: string, status: StatusRecord['status']): boolean {
		const n = this.messageIds.size;
		const m = this.messageIds.id(id);
		if (m === n) {
			this.seenBits.ensure(n + 1);
			this.sentAt.ensure(n + 1);
			this.recipient.ensure(n + 1);
			this.phone.ensure(n + 1);
			this.category.ensure(n + 1);
			this.model.ensure(n + 1);
			this.billed.ensure(n + 1);
			this.conversation.ensure(n + 1);
			this.sentAt.data[m] = Infinity;
		}
		this.lastMessage = m;
		const bit = STATUS_BIT[status] as number;
		const seen = this.seenBits.data;
		if ((seen[m] as number) & bit) return true;
		seen[m] = (seen[m] as number) | bit;
		return false;
	}

	/** The rules of loggedMessages, one status at a time. */
	protected override keepStatus(s: StatusRecord): void {
		const m = this.lastMessage;
		const phone = this.phoneId(s.phoneNumberId);
		if (phone >= 0) this.statusPhones.add(phone);
		if ((this.recipient.data[m] as number) < 0) {
			this.recipient.data[m] = this.recipients.id(s.recipient);
			this.phone.data[m] = phone;
		}
		if (s.at < (this.sentAt.data[m] as number)) this.sentAt.data[m] = s.at;
		if (s.status === 'failed' && s.errorCodes.length) {
			const list = this.errorCodes.get(m);
			if (list) list.push(...s.errorCodes);
			else this.errorCodes.set(m, [...s.errorCodes]);
		}
		if (s.pricing) {
			const p = s.pricing;
			this.category.data[m] = p.category === 'unknown' ? UNKNOWN_CATEGORY : CATEGORIES.indexOf(p.category);
			this.model.data[m] = MODELS.indexOf(p.model);
			const billed = p.type === null || p.type === 'unknown' ? p.billable : p.type === 'regular';
			this.billed.data[m] = billed === null ? -1 : billed ? 1 : 0;
		}
		const conv = s.conversation?.id ?? null;
		if (conv) {
			const n = this.conversations.size;
			const c = this.conversations.id(conv);
			if (c === n) {
				this.convFirst.ensure(n + 1);
				this.convFirstAt.ensure(n + 1);
			}
			this.conversation.data[m] = c;
			const first = this.convFirst.data[c] as number;
			if (first < 0 || s.at < (this.convFirstAt.data[c] as number)) {
				this.convFirst.data[c] = m;
				this.convFirstAt.data[c] = s.at;
			}
		}
	}

	protected override keepInbound(i: InboundRecord): void {
		const k = this.inboundCount++;
		this.inFrom.ensure(k + 1);
		this.inAt.ensure(k + 1);
		this.inReferral.ensure(k + 1);
		this.inPhone.ensure(k + 1);
		this.inFrom.data[k] = this.recipients.id(i.from);
		this.inAt.data[k] = i.at;
		this.inReferral.data[k] = i.referral ? 1 : 0;
		this.inPhone.data[k] = this.phoneId(i.phoneNumberId);
	}

	/** Business numbers repeat line after line: the last one is remembered. */
	private phoneId(phone: string | null): number {
		if (phone === null) return -1;
		if (phone !== this.lastPhone) {
			this.lastPhone = phone;
			this.lastPhoneId = this.phones.id(phone);
		}
		return this.lastPhoneId;
	}

	/** A conversation's id as the log spells it. */
	conversationId(c: number): string {
		return this.conversations.list[c] as string;
	}

	get messageCount(): number {
		return this.messageIds.size;
	}

	get inboundTotal(): number {
		return this.inboundCount;
	}

	/**
	 * The messages once every status is in: conversation-based pricing bills only a conversation's
	 * first message, and a message delivered at any point was not a failure (loggedMessages' rules).
	 */
	messages(): CompactMessages {
		const count = this.messageIds.size;
		const billed = this.billed.data;
		const model = this.model.data;
		const conv = this.conversation.data;
		const first = this.convFirst.data;
		const cbp = MODELS.indexOf('CBP');
		for (let m = 0; m < count; m++) {
			const c = conv[m] as number;
			if (model[m] === cbp && billed[m] === 1 && c >= 0 && first[c] !== m) billed[m] = 0;
		}
		return {
			count,
			ids: this.messageIds.list,
			sentAt: this.sentAt.data,
			recipient: this.recipient.data,
			phone: this.phone.data,
			category: this.category.data,
			model,
			billed,
			conversation: conv,
			seen: this.seenBits.data,
			errorCodes: this.errorCodes
		};
	}

	inboundMessages(): CompactInbound {
		return {
			count: this.inboundCount,
			from: this.inFrom.data,
			at: this.inAt.data,
			referral: this.inReferral.data,
			phone: this.inPhone.data
		};
	}

	/** Whether message m ends delivered or failed ("delivered can follow failed": delivered wins). */
	static delivered(seen: number): boolean {
		return (seen & DELIVERED_BITS) !== 0;
	}
	static failed(seen: number): boolean {
		return (seen & STATUS_BIT.failed!) !== 0 && (seen & DELIVERED_BITS) === 0;
	}
}
