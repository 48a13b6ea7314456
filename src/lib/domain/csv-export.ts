/**
 * Writing CSV for spreadsheets. A text cell that starts with = + - @, a tab or a carriage return is
 * read as a formula by Excel, LibreOffice and Google Sheets (OWASP, "CSV Injection"): such a cell is
 * written with a leading apostrophe, which spreadsheets show as text. Numbers are written as they are.
 */

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

export type CsvValue = string | number | null | undefined;

/** One cell: quoted when it holds a comma, a quote or a line break; neutralised when it would run as a formula. */
export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let text = value;
	if (text.length > 0 && FORMULA_START.has(text[0] as string)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly CsvValue[]): string => cells.map(csvCell).join(',');

/** Rows joined with CRLF (RFC 4180), ending with a line break. */
export const toCsv = (rows: readonly (readonly CsvValue[])[]): string =>
	rows.map(csvLine).join('\r\n') + '\r\n';
