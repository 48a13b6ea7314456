/**
 * WhatsApp Cloud API webhook logs as people store them (issue "Analytics and reconciliation" §1;
 * pricing-rules.md §3): raw envelopes (`entry[].changes[].value.statuses[]` and `…messages[]`), a
 * JSON array or NDJSON of those, or of bare status objects. Everything is read defensively: an
 * unknown enum value is kept as "unknown" and counted, a malformed line is listed with its number
 * and skipped, and nothing ever throws on input.
 */

export type StatusValue = 'sent' | 'delivered' | 'read' | 'played' | 'failed';
export type PricingType =
	'regular' | 'free_customer_service' | 'free_entry_point' | 'free_group_customer_service';
/** Billed categories; `authentication-international` is spelled with _ here. */
export type BilledCategory =
	| 'marketing'
	| 'marketing_lite'
	| 'utility'
	| 'authentication'
	| 'authentication_international'
	| 'service'
	| 'referral_conversion'
	| 'group_marketing'
	| 'group_utility'
	| 'group_service';

export const STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'played', 'failed'];
const TYPES: readonly string[] = [
	'regular',
	'free_customer_service',
	'free_entry_point',
	'free_group_customer_service'
];
export const CATEGORIES: readonly string[] = [
	'marketing',
	'marketing_lite',
	'utility',
	'authentication',
	'authentication_international',
	'service',
	'referral_conversion',
	'group_marketing',
	'group_utility',
	'group_service'
];

export interface StatusRecord {
	id: string;
	status: StatusValue | 'unknown';
	/** Epoch ms. */
	at: number;
	recipient: string;
	/** The business phone number it was sent from, when the envelope names it. */
	phoneNumberId: string | null;
	pricing: {
		billable: boolean | null;
		model: 'CBP' | 'PMP' | 'unknown';
		type: PricingType | 'unknown' | null;
		category: BilledCategory | 'unknown';
	} | null;
	conversation: {
		id: string | null;
		expiresAt: number | null;
		origin: BilledCategory | 'unknown' | null;
	} | null;
	errorCodes: number[];
}

export interface InboundRecord {
	from: string;
	at: number;
	/** Came through a click-to-WhatsApp ad or a Page button (a `referral` object). */
	referral: boolean;
	phoneNumberId: string | null;
}

export interface ParsedLog {
	statuses: StatusRecord[];
	inbound: InboundRecord[];
	malformed: { line: number; reason: string }[];
	malformedCount: number;
	/** Enum values nobody documented yet, by field: kept as "unknown", never a crash. */
	unknownValues: Record<string, number>;
	/** Statuses seen twice (same message id and status), dropped. */
	duplicates: number;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | null =>
	typeof x === 'string' ? x : typeof x === 'number' ? String(x) : null;

/** Parses webhook timestamps: Unix seconds (9 to 11 digits) as a string or number. */
function seconds(x: unknown): number | null {
	const s = str(x);
	if (s === null || s.length < 9 || s.length > 11) return null;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 48 || c > 57) return null;
	}
	return Number(s) * 1000;
}

export class LogReader {
	readonly log: ParsedLog = {
		statuses: [],
		inbound: [],
		malformed: [],
		malformedCount: 0,
		unknownValues: {},
		duplicates: 0
	};
	private seen = new Set<string>();
	/** Anything that looked like a webhook at all: a file with none is not a webhook log. */
	recognised = 0;
	/** Statuses kept (after deduplication). */
	statusCount = 0;

	/** Whether this message id already had this status (dedupe); records it otherwise. */
	protected seenBefore(id: string, status: StatusRecord['status']): boolean {
		const key = `${id}|${status}`;
		if (this.seen.has(key)) return true;
		this.seen.add(key);
		return false;
	}

	/** Where a status goes once read: here a list of records; the import keeps them compactly. */
	protected keepStatus(record: StatusRecord): void {
		this.log.statuses.push(record);
	}

	protected keepInbound(record: InboundRecord): void {
		this.log.inbound.push(record);
	}

	private unknown(field: string, value: unknown): 'unknown' {
		const key = `${field}=${String(value).slice(0, 40)}`;
		this.log.unknownValues[key] = (this.log.unknownValues[key] ?? 0) + 1;
		return 'unknown';
	}

	bad(line: number, reason: string): void {
		this.log.malformedCount++;
		if (this.log.malformed.length < 100) this.log.malformed.push({ line, reason });
	}

	/**
	 * One parsed JSON value: an envelope, a change value, a status, an inbound message, or an array
	 * of them. Only read: no part of it is kept (the import refills the same objects line after line).
	 */
	add(value: unknown, line: number, phoneNumberId: string | null = null): void {
		if (Array.isArray(value)) {
			for (const v of value) this.add(v, line, phoneNumberId);
			return;
		}
		if (!isObject(value)) return this.bad(line, 'not a JSON object');
		if (Array.isArray(value.entry)) {
			this.recognised++;
			for (const entry of value.entry)
				if (isObject(entry) && Array.isArray(entry.changes))
					for (const change of entry.changes)
						if (isObject(change)) this.add(change.value, line, phoneNumberId);
			return;
		}
		if (Array.isArray(value.statuses) || Array.isArray(value.messages)) {
			this.recognised++;
			const meta = isObject(value.metadata) ? str(value.metadata.phone_number_id) : null;
			for (const s of (value.statuses as unknown[]) ?? []) this.status(s, line, meta ?? phoneNumberId);
			for (const m of (value.messages as unknown[]) ?? []) this.inbound(m, line, meta ?? phoneNumberId);
			return;
		}
		if ('status' in value && 'id' in value) return this.status(value, line, phoneNumberId);
		if ('from' in value && 'timestamp' in value) return this.inbound(value, line, phoneNumberId);
		this.bad(line, 'neither a webhook envelope nor a status or message object');
	}

	private status(s: unknown, line: number, phoneNumberId: string | null): void {
		if (!isObject(s)) return this.bad(line, 'a status that is not an object');
		const id = str(s.id);
		const at = seconds(s.timestamp);
		const recipient = str(s.recipient_id);
		if (!id || at === null || !recipient)
			return this.bad(
				line,
				`a status without ${!id ? 'an id' : at === null ? 'a Unix timestamp' : 'a recipient_id'}`
			);
		this.recognised++;
		const raw = str(s.status) ?? '';
		const status = STATUSES.includes(raw) ? (raw as StatusValue) : this.unknown('status', raw);
		if (this.seenBefore(id, status)) {
			this.log.duplicates++;
			return;
		}
		let pricing: StatusRecord['pricing'] = null;
		if (isObject(s.pricing)) {
			const p = s.pricing;
			const model =
				p.pricing_model === 'CBP' || p.pricing_model === 'PMP'
					? p.pricing_model
					: this.unknown('pricing_model', p.pricing_model);
			const type =
				p.type === undefined
					? null
					: TYPES.includes(str(p.type) ?? '')
						? (p.type as PricingType)
						: this.unknown('type', p.type);
			pricing = {
				billable: typeof p.billable === 'boolean' ? p.billable : null,
				model,
				type,
				category: this.billedCategory(p.category)
			};
		}
		let conversation: StatusRecord['conversation'] = null;
		if (isObject(s.conversation)) {
			const c = s.conversation;
			conversation = {
				id: str(c.id),
				expiresAt: seconds(c.expiration_timestamp),
				origin: isObject(c.origin) ? this.billedCategory(c.origin.type) : null
			};
		}
		const errorCodes = Array.isArray(s.errors)
			? s.errors
					.map((e) => (isObject(e) && typeof e.code === 'number' ? e.code : NaN))
					.filter((n) => !Number.isNaN(n))
			: [];
		this.statusCount++;
		this.keepStatus({ id, status, at, recipient, phoneNumberId, pricing, conversation, errorCodes });
	}

	private billedCategory(x: unknown): BilledCategory | 'unknown' {
		const c = (str(x) ?? '').replace('authentication-international', 'authentication_international');
		return CATEGORIES.includes(c) ? (c as BilledCategory) : this.unknown('category', x);
	}

	private inbound(m: unknown, line: number, phoneNumberId: string | null): void {
		if (!isObject(m)) return this.bad(line, 'an inbound message that is not an object');
		const from = str(m.from);
		const at = seconds(m.timestamp);
		if (!from || at === null)
			return this.bad(line, `an inbound message without ${!from ? 'from' : 'a Unix timestamp'}`);
		this.recognised++;
		this.keepInbound({ from, at, referral: isObject(m.referral), phoneNumberId });
	}
}

/** A whole file's text: a JSON document (object or array) or NDJSON, one value per line. */
export function parseWebhookLog(text: string): ParsedLog & { isWebhookLog: boolean } {
	const reader = new LogReader();
	const body = text.replace(/^\uFEFF/, '');
	const trimmed = body.trimStart();
	let whole: unknown = undefined;
	if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
		try {
			whole = JSON.parse(body);
		} catch {
			whole = undefined; // maybe NDJSON
		}
	}
	if (whole !== undefined) reader.add(whole, 1);
	else {
		const lines = body.split(/\r?\n/);
		lines.forEach((l, i) => {
			if (l.trim() === '') return;
			try {
				reader.add(JSON.parse(l), i + 1);
			} catch (e) {
				reader.bad(i + 1, `not JSON: ${(e as Error).message.slice(0, 80)}`);
			}
		});
	}
	return { ...reader.log, isWebhookLog: reader.recognised > 0 };
}
