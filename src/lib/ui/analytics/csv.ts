/**
 * CSV export of what a chart or table shows. A cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) is prefixed with a quote mark, so an imported
 * name like `=HYPERLINK(…)` stays text; numbers we write ourselves are left as numbers.
 */

const FORMULA = /^[=+\-@\t\r]/;

/** One cell, neutralised and quoted when needed. Finite numbers are written as they are. */
export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = FORMULA.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Offers `text` as a download named `name` (browser only). */
export function downloadCsv(name: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
