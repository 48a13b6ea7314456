/**
 * The recipients file's rows as the forecast worker hands them over: parsed by papaparse in chunk
 * mode (as the worker does, here from a string), then given to the pure module under test.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { EpochMs } from '$lib/domain/units';
import { BroadcastRun, type BroadcastResult } from './broadcast-run';
import { Forecaster } from './forecaster';
import {
	columnsError,
	CsvRecipients,
	inspectRows,
	parseCellInstant,
	type CsvColumns,
	type CsvInspection
} from './recipients-csv';

const AT = Date.UTC(2026, 11, 3, 2) as EpochMs;
const ZONE = 'Asia/Jakarta';
const rowsOf = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

function inspect(text: string): CsvInspection {
	const r = inspectRows(rowsOf(text), ZONE, text.length);
	if (!r.ok) throw new Error(r.message);
	return r.inspection;
}
const refusal = (text: string) => {
	const r = inspectRows(rowsOf(text), ZONE);
	return r.ok ? null : r.message;
};

/** Streams the text through papaparse in small chunks, as the worker streams a file. */
function forecastCsv(text: string, columns?: Partial<CsvColumns>, chunkSize = 64): BroadcastResult {
	const i = inspect(text);
	const run = new BroadcastRun({ options: { category: 'marketing', timezone: ZONE }, compare: false });
	let reader: CsvRecipients | null = null;
	let offset = 0;
	for (let start = 0; start < text.length;) {
		// Cut at a line end, as papaparse hands over whole rows.
		let end = Math.min(text.length, start + chunkSize);
		while (end < text.length && text[end - 1] !== '\n') end++;
		const rows = rowsOf(text.slice(start, end));
		let first = 0;
		if (!reader) {
			reader = new CsvRecipients({ ...i.guess, ...columns }, i.header, run, { kind: 'at', at: AT }, ZONE);
			first = 1;
		}
		reader.rows(rows, first, offset / text.length, end / text.length);
		offset = end;
		start = end;
	}
	return run.finish();
}

describe('inspectRows: the header and the columns', () => {
	it('finds the CLI’s columns by name', () => {
		const i = inspect(
			'name,phone,last_customer_message_at,free_entry_point_opened_at\n' +
				'Ana,+6281234567890,2026-12-02T10:00:00+07:00,\n' +
				'Budi,6281234567891,,2026-12-01T09:00:00Z\n'
		);
		expect(i.header).toEqual(['name', 'phone', 'last_customer_message_at', 'free_entry_point_opened_at']);
		expect(i.guess).toEqual({ phone: 1, lastMessage: 2, freeEntryPoint: 3 });
		expect(i.phoneCells).toEqual([0, 2, 0, 0]);
		expect(i.sampled).toBe(2);
		expect(i.estimatedRows).toBe(2);
	});

	it('guesses a CRM export’s columns by name and content (BOM, spaces, no "+")', () => {
		const i = inspect(
			'\uFEFFContact ID, Full Name ,Mobile Number,Last Inbound Message,Signup\n' +
				'1,Ana,62 812 3456 7890,2026-12-02 10:00,2024-01-01\n' +
				'2,Raj,91 98765 43210,1764633600,2024-01-02\n'
		);
		expect(i.header[0]).toBe('Contact ID');
		expect(i.guess.phone).toBe(2);
		expect(i.guess.lastMessage).toBe(3);
		expect(i.guess.freeEntryPoint).toBe(-1);
	});

	it('without a telling name, the column with the most numbers is the phone column', () => {
		expect(inspect('a,b\nx,+6281234567890\ny,+6281234567891\n').guess.phone).toBe(1);
	});

	it.each([
		['', /The file is empty/],
		['\n\n,,\n', /The file is empty/],
		['phone,name\n', /header row \(phone, name\) but no recipients/],
		[
			'+6281234567890,+6281234567891\n+6281234567892,+6281234567893\n',
			/first row holds phone numbers, not column names/
		],
		[
			'email,name\na@b.c,Ana\nd@e.f,Budi\n',
			/No column holds phone numbers \(looked at the first 2 rows of 2 columns: email, name\)/
		]
	])('refuses %j', (text, message) => {
		expect(refusal(text)).toMatch(message);
	});

	it('columnsError: the chosen columns must hold what they are for', () => {
		const i = inspect('id,phone,seen\n1,+6281234567890,2026-12-02T10:00:00Z\n2,+6281234567891,\n');
		expect(columnsError(i, i.guess)).toBeNull();
		expect(columnsError(i, { ...i.guess, phone: -1 })).toMatch(
			/Choose the column that holds the phone numbers/
		);
		expect(columnsError(i, { ...i.guess, phone: 0 })).toMatch(
			/“id” holds no phone numbers in the first 2 rows/
		);
		expect(columnsError(i, { phone: 1, lastMessage: 0, freeEntryPoint: -1 })).toMatch(/“id” holds no dates/);
		expect(columnsError(i, { phone: 1, lastMessage: 2, freeEntryPoint: 2 })).toMatch(/must differ/);
		expect(columnsError(i, { phone: 1, lastMessage: 1, freeEntryPoint: -1 })).toMatch(
			/already the phone column/
		);
	});
});

describe('parseCellInstant', () => {
	it.each([
		['2026-12-02T10:00:00+07:00', Date.UTC(2026, 11, 2, 3)],
		['2026-12-02T03:00:00Z', Date.UTC(2026, 11, 2, 3)],
		['2026-12-02 10:00', Date.UTC(2026, 11, 2, 3)],
		['2026-12-02T10:00:30', Date.UTC(2026, 11, 2, 3, 0, 30)],
		['1764644400', Date.UTC(2025, 11, 2, 3)],
		['1764644400000', Date.UTC(2025, 11, 2, 3)],
		['', null],
		['yesterday', null],
		['2026-02-30 10:00', null]
	])('%j → %s', (text, t) => expect(parseCellInstant(text, ZONE)).toBe(t));
});

describe('CsvRecipients: rows priced, bad rows listed and left out', () => {
	it('prices every good row, lists each bad one with its line and reason, never stops', () => {
		const text =
			'name,phone,last_customer_message_at\n' +
			'Ana,+62 812-3456-7890,\n' + // line 2
			'Raj,919876543210,\n' + // 3
			'Bia,+55 11 98765 4321,2026-12-02T20:00:00+07:00\n' + // 4: wrote 6 h before
			'X,,\n' + // 5: no number
			'Y,+999 1234 5678,\n' + // 6: unassigned calling code
			',,\n' + // empty row: skipped but counted as a line (the CLI's count)
			'Z,0812 3456 789,\n' + // 8: national number
			'W,+6281234567899,not a date\n' + // 9
			'Sam,+1 212 555 0123,\n'; // 10: US, marketing paused
		const res = forecastCsv(text);
		const r = res.lanes[0]!.result;
		expect(r.recipients).toBe(8);
		expect(r.outcomes).toEqual({ charged: 3, free: 0, failed: 1, invalid: 4 });
		expect(r.invalidRows).toEqual([
			{ line: 5, reason: 'phone: empty' },
			{ line: 6, reason: 'phone: calling code 999 is not assigned' },
			{ line: 8, reason: 'phone: a national number (leading 0); give it with its country calling code' },
			{
				line: 9,
				reason:
					'last_customer_message_at: "not a date" is not a date and time (e.g. 2026-12-01T14:05:00+07:00)'
			}
		]);
		expect(r.byOutcome.failed_us_pause).toBe(1);
		// The same rows straight through a Forecaster: the same total.
		const f = new Forecaster({ category: 'marketing', timezone: ZONE });
		for (const phone of ['+6281234567890', '919876543210', '+55 11 98765 4321']) f.add({ phone, sendAt: AT });
		expect(r.total).toBe(f.finish().total);
	});

	it('keeps the first 100 bad rows and counts the rest', () => {
		const lines = ['phone'];
		for (let i = 0; i < 150; i++) lines.push(i % 2 ? '+6281234567890' : 'n/a');
		const r = forecastCsv(lines.join('\n') + '\n').lanes[0]!.result;
		expect(r.outcomes.invalid).toBe(75);
		expect(r.invalidRows).toHaveLength(75);
		const many = ['phone', ...Array.from({ length: 250 }, () => 'nope')].join('\n');
		const m = forecastCsv(`phone\n+6281234567890\n${many.slice(6)}\n`).lanes[0]!.result;
		expect(m.outcomes.invalid).toBe(250);
		expect(m.invalidRows).toHaveLength(100);
		expect(m.invalidRows[0]).toEqual({ line: 3, reason: 'phone: "nope" is not a number' });
	});

	it('reads a chosen column other than the guess, and a quoted field with a comma', () => {
		const text = 'a,b\n"Doe, J",+6281234567890\n"Roe, K",+919876543210\n';
		const r = forecastCsv(text, { phone: 1 }, 16).lanes[0]!.result;
		expect(r.outcomes.charged).toBe(2);
	});

	it('the free-entry-point column makes the template free', () => {
		const text =
			'phone,free_entry_point_opened_at\n+6281234567890,2026-12-01T09:00:00+07:00\n+6281234567891,2026-11-20T09:00:00+07:00\n';
		const r = forecastCsv(text).lanes[0]!.result;
		expect(r.byOutcome).toEqual({ free_entry_point: 1, charged: 1 });
	});
});
