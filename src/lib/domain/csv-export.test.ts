import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, toCsv } from './csv-export';

describe('CSV export', () => {
	it.each([
		['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
		['+1 212 555 0123', "'+1 212 555 0123"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tcmd', "'\tcmd"],
		['\rcmd', `"'\rcmd"`],
		['India', 'India'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['', '']
	])('a text cell %j is written %j', (value, written) => expect(csvCell(value)).toBe(written));

	it('numbers are written as they are (a negative number is not text)', () => {
		expect(csvCell(-1.5)).toBe('-1.5');
		expect(csvCell(250000)).toBe('250000');
		expect(csvCell(Number.NaN)).toBe('');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
	});

	it('rows end with CRLF', () => {
		expect(csvLine(['market', 'total'])).toBe('market,total');
		expect(
			toCsv([
				['a', 1],
				['=b', 2]
			])
		).toBe("a,1\r\n'=b,2\r\n");
	});
});
