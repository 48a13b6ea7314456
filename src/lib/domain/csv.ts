/** A small CSV reader shared by the rate-card build script and the in-app rate-card import. */

/**
 * RFC 4180 CSV: comma-separated, fields may be quoted, a doubled quote inside quotes is one quote,
 * quoted fields may hold commas and line breaks. CRLF or LF; blank lines are dropped.
 */
export function parseCsv(text: string): string[][] {
	const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	let fieldStarted = false;
	const endField = () => {
		record.push(field);
		field = '';
		fieldStarted = false;
	};
	const endRecord = () => {
		endField();
		if (!(record.length === 1 && record[0] === '')) records.push(record);
		record = [];
	};
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"') {
				if (src[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += c;
		} else if (c === '"') {
			if (fieldStarted || field !== '')
				throw new Error(`stray quote inside an unquoted field at offset ${i}`);
			quoted = true;
			fieldStarted = true;
		} else if (c === ',') endField();
		else if (c === '\n') endRecord();
		else if (c === '\r') {
			if (src[i + 1] !== '\n') throw new Error(`bare carriage return at offset ${i}`);
		} else field += c;
	}
	if (quoted) throw new Error('unterminated quoted field');
	if (field !== '' || fieldStarted || record.length > 0) endRecord();
	return records;
}
