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

/**
 * A string that holds no larger one: the reader's values are cut out of a whole chunk of the file
 * (shape.ts), and V8 keeps a long slice as a view of its parent, so a kept slice would keep ~1 MB
 * of text alive. Joining makes a new string; slicing that one keeps only the joined copy.
 */
const ownCopy = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** FNV-1a over a string's UTF-16 units. */
function hashOf(s: string): number {
	let h = 0x811c9dc5 | 0;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
	return h;
}

/**
 * Strings numbered in order of first appearance (each held as its own copy). An open-addressing
 * table of typed arrays rather than a Map: a million message ids go through it, and the Map's cost
 * (and its garbage) showed in the import's profile.
 */
export class Interner {
	readonly list: string[] = [];
	private hashes = new Int32Array(1024);
	/** Slot → index in `list`, -1 empty; at most half full. */
	private slots = new Int32Array(2048).fill(-1);
	private mask = 2047;
	/** The last string asked for: a message's statuses often come one after another. */
	private lastKey = '';
	private lastId = -1;

	/**
	 * The number of `s`, added when new. `known` is its hash when the caller has it (a part's strings
	 * come with theirs); `owned` says `s` is already a string of its own (not a slice of a chunk).
	 */
	id(s: string, known?: number, owned = false): number {
		if (s === this.lastKey) return this.lastId;
		const h = known ?? hashOf(s);
		const slots = this.slots;
		let p = h & this.mask;
		for (let k = slots[p] as number; k !== -1; k = slots[p] as number) {
			if (this.hashes[k] === h && this.list[k] === s) {
				this.lastKey = s;
				this.lastId = k;
				return k;
			}
			p = (p + 1) & this.mask;
		}
		const i = this.list.length;
		this.list.push(owned ? s : ownCopy(s));
		if (i >= this.hashes.length) {
			const grown = new Int32Array(this.hashes.length * 2);
			grown.set(this.hashes);
			this.hashes = grown;
		}
		this.hashes[i] = h;
		slots[p] = i;
		if ((i + 1) * 2 > this.mask) this.grow();
		this.lastKey = s;
		this.lastId = i;
		return i;
	}

	get(s: string, h = hashOf(s)): number | undefined {
		for (let p = h & this.mask, k = this.slots[p] as number; k !== -1; k = this.slots[p] as number) {
			if (this.hashes[k] === h && this.list[k] === s) return k;
			p = (p + 1) & this.mask;
		}
		return undefined;
	}

	get size(): number {
		return this.list.length;
	}

	/** The hashes of `list`, in its order. */
	hashList(): Int32Array {
		return this.hashes.slice(0, this.list.length);
	}

	private grow(): void {
		const size = (this.mask + 1) * 2;
		const mask = size - 1;
		const slots = new Int32Array(size).fill(-1);
		for (let k = 0; k < this.list.length; k++) {
			let p = (this.hashes[k] as number) & mask;
			while (slots[p] !== -1) p = (p + 1) & mask;
			slots[p] = k;
		}
		this.slots = slots;
		this.mask = mask;
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

/**
 * What a reader of one part of a file (the second half, read in another worker) hands back: its
 * strings and columns, to be merged into the reader of the part before it (mergePart).
 */
export interface ReaderPart extends Omit<CompactMessages, 'ids' | 'errorCodes'> {
	ids: string[];
	/** The ids' hashes (the merge looks them up without hashing again). */
	idHashes: Int32Array;
	recipients: string[];
	phones: string[];
	conversations: string[];
	/** CompactMessages' map as its entries. */
	errorCodes: [number, number[]][];
	convFirst: Int32Array;
	convFirstAt: Float64Array;
	inbound: CompactInbound;
	statusPhones: number[];
	recognised: number;
	statusCount: number;
	malformed: { line: number; reason: string }[];
	malformedCount: number;
	unknownValues: Record<string, number>;
	duplicates: number;
}

/** The buffers of a part, to transfer rather than copy between workers. */
export const partBuffers = (p: ReaderPart): ArrayBuffer[] =>
	[
		p.idHashes,
		p.sentAt,
		p.recipient,
		p.phone,
		p.category,
		p.model,
		p.billed,
		p.conversation,
		p.seen,
		p.convFirst,
		p.convFirstAt,
		p.inbound.from,
		p.inbound.at,
		p.inbound.referral,
		p.inbound.phone
	].map((a) => a.buffer as ArrayBuffer);

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

	/** The number of message `id`, made (with empty columns) when it is new. */
	private message(id: string, hash?: number, owned = false): number {
		const n = this.messageIds.size;
		const m = this.messageIds.id(id, hash, owned);
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
		return m;
	}

	/** The number of conversation `id`, made when it is new. */
	private conversationOf(id: string): number {
		const n = this.conversations.size;
		const c = this.conversations.id(id);
		if (c === n) {
			this.convFirst.ensure(n + 1);
			this.convFirstAt.ensure(n + 1);
		}
		return c;
	}

	protected override seenBefore(id: string, status: StatusRecord['status']): boolean {
		const m = this.message(id);
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
			const c = this.conversationOf(conv);
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

	/** This reader's strings and columns, for the reader of the part before (see mergePart). */
	exportPart(): ReaderPart {
		const n = this.messageIds.size;
		const c = this.conversations.size;
		const k = this.inboundCount;
		return {
			ids: this.messageIds.list,
			idHashes: this.messageIds.hashList(),
			recipients: this.recipients.list,
			phones: this.phones.list,
			conversations: this.conversations.list,
			count: n,
			sentAt: this.sentAt.data.slice(0, n),
			recipient: this.recipient.data.slice(0, n),
			phone: this.phone.data.slice(0, n),
			category: this.category.data.slice(0, n),
			model: this.model.data.slice(0, n),
			billed: this.billed.data.slice(0, n),
			conversation: this.conversation.data.slice(0, n),
			seen: this.seenBits.data.slice(0, n),
			errorCodes: [...this.errorCodes],
			convFirst: this.convFirst.data.slice(0, c),
			convFirstAt: this.convFirstAt.data.slice(0, c),
			inbound: {
				count: k,
				from: this.inFrom.data.slice(0, k),
				at: this.inAt.data.slice(0, k),
				referral: this.inReferral.data.slice(0, k),
				phone: this.inPhone.data.slice(0, k)
			},
			statusPhones: [...this.statusPhones],
			recognised: this.recognised,
			statusCount: this.statusCount,
			malformed: this.log.malformed,
			malformedCount: this.log.malformedCount,
			unknownValues: this.log.unknownValues,
			duplicates: this.log.duplicates
		};
	}

	/**
	 * Folds in the reader of the part that follows this one in the file (its lines numbered from
	 * `lineOffset` + 1), as if this reader had read on. The fold is the one keepStatus makes: the
	 * first status names a message's recipient, the earliest time is its send time, the last
	 * pricing and conversation win. Only deduplication cannot be redone from the folded columns: if
	 * a message has the same status in both parts, nothing is merged and false is returned (the
	 * caller then reads the second part itself). Messages, conversations and business numbers keep
	 * the numbers one reader would give them; recipients may be numbered in another order (the
	 * second part also names the recipients of messages the first part had), which nothing reads.
	 */
	mergePart(part: ReaderPart, lineOffset: number): boolean {
		const seen = this.seenBits.data;
		const into = new Int32Array(part.count);
		for (let m1 = 0; m1 < part.count; m1++) {
			const m0 = this.messageIds.get(part.ids[m1] as string, part.idHashes[m1] as number);
			if (m0 !== undefined && ((seen[m0] as number) & (part.seen[m1] as number)) !== 0) return false;
			into[m1] = m0 ?? -1;
		}
		const recipients = part.recipients.map((r) => this.recipients.id(r));
		const phones = part.phones.map((p) => this.phones.id(p));
		const conversations = part.conversations.map((c) => this.conversationOf(c));
		const phoneOf = (p: number) => (p < 0 ? -1 : (phones[p] as number));
		for (let m1 = 0; m1 < part.count; m1++) {
			let m = into[m1] as number;
			const conv = part.conversation[m1] as number;
			if (m < 0) {
				m = this.message(part.ids[m1] as string, part.idHashes[m1] as number, true);
				into[m1] = m;
				this.recipient.data[m] = recipients[part.recipient[m1] as number] as number;
				this.phone.data[m] = phoneOf(part.phone[m1] as number);
			}
			const sentAt = part.sentAt[m1] as number;
			if (sentAt < (this.sentAt.data[m] as number)) this.sentAt.data[m] = sentAt;
			if (part.model[m1] !== NONE) {
				this.category.data[m] = part.category[m1] as number;
				this.model.data[m] = part.model[m1] as number;
				this.billed.data[m] = part.billed[m1] as number;
			}
			if (conv >= 0) this.conversation.data[m] = conversations[conv] as number;
			this.seenBits.data[m] = (this.seenBits.data[m] as number) | (part.seen[m1] as number);
		}
		for (const [m1, codes] of part.errorCodes) {
			const m = into[m1] as number;
			const list = this.errorCodes.get(m);
			if (list) list.push(...codes);
			else this.errorCodes.set(m, [...codes]);
		}
		for (let c1 = 0; c1 < part.convFirst.length; c1++) {
			const first = part.convFirst[c1] as number;
			if (first < 0) continue;
			const c = conversations[c1] as number;
			const at = part.convFirstAt[c1] as number;
			if ((this.convFirst.data[c] as number) < 0 || at < (this.convFirstAt.data[c] as number)) {
				this.convFirst.data[c] = into[first] as number;
				this.convFirstAt.data[c] = at;
			}
		}
		const inb = part.inbound;
		for (let i = 0; i < inb.count; i++) {
			const k = this.inboundCount++;
			this.inFrom.ensure(k + 1);
			this.inAt.ensure(k + 1);
			this.inReferral.ensure(k + 1);
			this.inPhone.ensure(k + 1);
			this.inFrom.data[k] = recipients[inb.from[i] as number] as number;
			this.inAt.data[k] = inb.at[i] as number;
			this.inReferral.data[k] = inb.referral[i] as number;
			this.inPhone.data[k] = phoneOf(inb.phone[i] as number);
		}
		for (const p of part.statusPhones) this.statusPhones.add(phones[p] as number);
		this.recognised += part.recognised;
		this.statusCount += part.statusCount;
		const log = this.log;
		for (const { line, reason } of part.malformed)
			if (log.malformed.length < 100) log.malformed.push({ line: line + lineOffset, reason });
		log.malformedCount += part.malformedCount;
		for (const [k, v] of Object.entries(part.unknownValues))
			log.unknownValues[k] = (log.unknownValues[k] ?? 0) + v;
		log.duplicates += part.duplicates;
		return true;
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
