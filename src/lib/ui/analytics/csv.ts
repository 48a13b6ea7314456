/**
 * CSV export of what a chart or table shows, through the app's one CSV writer (csv-export.ts): a
 * cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return)
 * is prefixed with a quote mark, so an imported name like `=HYPERLINK(…)` stays text; numbers we
 * write ourselves are left as numbers.
 */

// One CSV writer for the whole app (formula-safe, RFC 4180): the analytics tables use it too.
export { csvCell, toCsv } from '$lib/domain/csv-export';

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
