/**
 * A recipients CSV as people export it from a CRM, read row by row (the CSV parser hands rows over in
 * chunks; this module never sees the file). The rules are the CLI's (src/cli/forecast.ts): a header
 * row is expected; the phone column is chosen by the user (or guessed from its name and content);
 * optional columns give the customer's last message and when a free entry point opened; a row of
 * empty cells is no recipient; a bad row is left out with its line and reason, never stopping the
 * forecast. Also taken here: numbers with or without "+", and times without an offset (read in the
 * account's zone) or as Unix seconds or milliseconds, as CRMs write them.
 */
import { normalizePhone } from '$lib/domain/phone';
import { parseLocalInput } from '$lib/domain/local-time';
import { parseInstant } from '$lib/domain/time';
import type { EpochMs } from '$lib/domain/units';
import type { BroadcastRun } from './broadcast-run';
import type { RecipientInput } from './forecaster';
import { sendTimeAt, type SendSchedule } from './send-schedule';

/** Column indexes; -1: not in the file. */
export interface CsvColumns {
	phone: number;
	lastMessage: number;
	freeEntryPoint: number;
}

export interface CsvInspection {
	header: string[];
	/** The first few data rows, for a preview. */
	preview: string[][];
	/** Data rows looked at. */
	sampled: number;
	/** Per column: how many of the sampled cells are phone numbers / dates and times. */
	phoneCells: number[];
	instantCells: number[];
	guess: CsvColumns;
	/** Rough row count from the file's size and the sampled rows' length; null when unknown. */
	estimatedRows: number | null;
}

export type InspectResult = { ok: true; inspection: CsvInspection } | { ok: false; message: string };

/** The CLI's column names, matched first. */
export const LAST_MESSAGE_COLUMN = 'last_customer_message_at';
export const ENTRY_POINT_COLUMN = 'free_entry_point_opened_at';

const PHONE_NAME = /phone|mobile|msisdn|whats ?app|wa_?id|cell|^tel|number|^to$|recipient|contact/i;
const LAST_NAME = /last.*(customer|message|inbound|msg|contact|seen|reply)|customer.*last/i;
const ENTRY_NAME = /free.?entry|entry.?point|ctwa|click.?to.?whats|ad.?click|referral|page.?button/i;

const clean = (h: string) => h.trim().replace(/^\uFEFF/, '');
const isEmptyRow = (row: readonly string[]) => row.every((c) => c.trim() === '');

/** An instant in a cell: ISO 8601 with an offset, a local date and time in the zone, or Unix s / ms. */
export function parseCellInstant(text: string, timezone: string): EpochMs | null {
	const t = text.trim();
	if (t === '') return null;
	if (/^\d{10}$/.test(t)) return (Number(t) * 1000) as EpochMs;
	if (/^\d{13}$/.test(t)) return Number(t) as EpochMs;
	return parseInstant(t) ?? parseLocalInput(t, timezone);
}

/**
 * The header and the first rows (the header first, as parsed): the columns, a guess of each role,
 * or why the file cannot be used. `bytes` sizes the estimate of the number of rows.
 */
export function inspectRows(rows: readonly string[][], timezone: string, bytes?: number): InspectResult {
	const first = rows.findIndex((r) => !isEmptyRow(r));
	if (first < 0)
		return {
			ok: false,
			message:
				'The file is empty. A recipients file has a header row (e.g. phone), then one recipient per row.'
		};
	const header = (rows[first] as string[]).map(clean);
	const data = rows.slice(first + 1).filter((r) => !isEmptyRow(r));
	const named = header.filter((h) => h !== '');
	if (named.length > 0 && named.every((h) => normalizePhone(h).ok))
		return {
			ok: false,
			message:
				'The first row holds phone numbers, not column names. Add a header row (e.g. phone) above the recipients and choose the file again.'
		};
	const phoneCells = header.map(() => 0);
	const instantCells = header.map(() => 0);
	for (const row of data)
		for (let c = 0; c < header.length; c++) {
			const cell = (row[c] ?? '').trim();
			if (cell === '') continue;
			if (normalizePhone(cell).ok) phoneCells[c]!++;
			else if (parseCellInstant(cell, timezone) !== null) instantCells[c]!++;
		}
	if (data.length === 0)
		return {
			ok: false,
			message: `The file has a header row (${header.slice(0, 8).join(', ')}) but no recipients under it.`
		};
	if (phoneCells.every((n) => n === 0))
		return {
			ok: false,
			message: `No column holds phone numbers (looked at the first ${data.length} rows of ${header.length === 1 ? 'the column' : `${header.length} columns`}: ${header.slice(0, 8).join(', ') || 'unnamed'}). Export the recipients with their WhatsApp numbers, country code included.`
		};
	const guess: CsvColumns = {
		phone: guessColumn(header, phoneCells, PHONE_NAME, 'phone'),
		lastMessage: guessColumn(header, instantCells, LAST_NAME, LAST_MESSAGE_COLUMN, true),
		freeEntryPoint: guessColumn(header, instantCells, ENTRY_NAME, ENTRY_POINT_COLUMN, true)
	};
	if (guess.freeEntryPoint === guess.lastMessage) guess.freeEntryPoint = -1;
	let estimatedRows: number | null = null;
	if (bytes !== undefined && data.length > 0) {
		const sampleBytes = [header, ...data].reduce((n, r) => n + r.join(',').length + 1, 0);
		estimatedRows = Math.max(data.length, Math.round((bytes / sampleBytes) * (data.length + 1)) - 1);
	}
	return {
		ok: true,
		inspection: {
			header,
			preview: data.slice(0, 3),
			sampled: data.length,
			phoneCells,
			instantCells,
			guess,
			estimatedRows
		}
	};
}

/** The column for a role: its exact name, else a telling name with matching cells, else (phone only) the most matching cells. */
function guessColumn(
	header: readonly string[],
	cells: readonly number[],
	pattern: RegExp,
	exact: string,
	optional = false
): number {
	const own = header.findIndex((h) => h.toLowerCase() === exact);
	if (own >= 0) return own;
	const byName = header.findIndex((h, c) => pattern.test(h) && (cells[c] ?? 0) > 0);
	if (byName >= 0 || optional) return byName;
	let best = -1;
	for (let c = 0; c < cells.length; c++) if ((cells[c] ?? 0) > (best < 0 ? 0 : (cells[best] ?? 0))) best = c;
	return best;
}

/** Why the chosen columns cannot be used; null when they can. */
export function columnsError(i: CsvInspection, c: CsvColumns): string | null {
	const name = (k: number) => `“${i.header[k] || `column ${k + 1}`}”`;
	if (c.phone < 0 || c.phone >= i.header.length) return 'Choose the column that holds the phone numbers.';
	if ((i.phoneCells[c.phone] ?? 0) === 0)
		return `Column ${name(c.phone)} holds no phone numbers in the first ${i.sampled} rows: choose the phone column.`;
	for (const k of [c.lastMessage, c.freeEntryPoint]) {
		if (k < 0) continue;
		if (k === c.phone) return `Column ${name(k)} is already the phone column.`;
		if ((i.instantCells[k] ?? 0) === 0)
			return `Column ${name(k)} holds no dates and times in the first ${i.sampled} rows: choose another or none.`;
	}
	if (c.lastMessage >= 0 && c.lastMessage === c.freeEntryPoint)
		return 'The last-message and free-entry-point columns must differ.';
	return null;
}

/**
 * Feeds a file's data rows to a BroadcastRun. Lines are counted as the CLI counts them: the header
 * is line 1, each parsed row one more.
 */
export class CsvRecipients {
	line = 1;
	private readonly r: RecipientInput = { phone: '', sendAt: 0 as EpochMs, line: 0 };
	private readonly names: { last: string; entry: string };

	constructor(
		private readonly columns: CsvColumns,
		header: readonly string[],
		private readonly run: BroadcastRun,
		private readonly schedule: SendSchedule,
		private readonly timezone: string
	) {
		this.names = {
			last: header[columns.lastMessage] || LAST_MESSAGE_COLUMN,
			entry: header[columns.freeEntryPoint] || ENTRY_POINT_COLUMN
		};
	}

	private instant(row: readonly string[], col: number, name: string): EpochMs | null | string {
		if (col < 0) return null;
		const text = (row[col] ?? '').trim();
		if (text === '') return null;
		return (
			parseCellInstant(text, this.timezone) ??
			`${name}: "${text.slice(0, 40)}" is not a date and time (e.g. 2026-12-01T14:05:00+07:00)`
		);
	}

	/**
	 * Rows `start`… of a chunk that covers the file from place `from` to place `to` (0 to 1, by
	 * bytes): each row's send time is its place in the file on the schedule.
	 */
	rows(rows: readonly string[][], start: number, from: number, to: number): void {
		const n = rows.length - start;
		const { phone, lastMessage, freeEntryPoint } = this.columns;
		const r = this.r;
		for (let i = start; i < rows.length; i++) {
			const row = rows[i] as string[];
			this.line++;
			// A row of empty cells (a spreadsheet's trailing line) is not a recipient.
			if ((row[phone] ?? '') === '' && isEmptyRow(row)) continue;
			const position = n > 0 ? from + ((to - from) * (i - start)) / n : from;
			const last = this.instant(row, lastMessage, this.names.last);
			const entry = this.instant(row, freeEntryPoint, this.names.entry);
			if (typeof last === 'string' || typeof entry === 'string') {
				this.run.addInvalid(this.line, typeof last === 'string' ? last : (entry as string));
				continue;
			}
			r.phone = row[phone] ?? '';
			r.sendAt = sendTimeAt(this.schedule, position);
			r.lastCustomerMessageAt = last;
			r.freeEntryPointOpenedAt = entry;
			r.line = this.line;
			this.run.add(r, position);
		}
	}
}
