/**
 * Reading a webhook log in slices (the log-import worker): lines split across chunk boundaries are
 * joined, CRLF and a leading byte-order mark are handled, and every line keeps its 1-based number.
 * Pure: the worker feeds it decoded text and gets lines back.
 */

export class LineSplitter {
	private rest = '';
	private line = 0;
	private started = false;

	/** Emits every complete line in `chunk` (with what was left over from the last one). */
	push(chunk: string, emit: (text: string, line: number) => void): void {
		let text = this.rest + chunk;
		if (!this.started && text.length > 0) {
			this.started = true;
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		}
		let start = 0;
		for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
			const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
			emit(text.slice(start, end), ++this.line);
			start = nl + 1;
		}
		this.rest = text.slice(start);
	}

	/** The last line, when the file does not end with a newline. */
	end(emit: (text: string, line: number) => void): void {
		const last = this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest;
		this.rest = '';
		if (last.length > 0) emit(last, ++this.line);
	}

	/** Lines emitted so far. */
	get lines(): number {
		return this.line;
	}
}

/**
 * Whether a file is one JSON document (read whole) or NDJSON (streamed line by line), from its
 * first slice. `complete` says the slice is the whole file. A first line that is complete and parses
 * on its own means NDJSON; anything else (an opening `[`, a pretty-printed object, a first line
 * longer than the slice) is read as one document.
 */
export function detectLayout(head: string, complete: boolean): 'document' | 'ndjson' {
	const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
	let start = 0;
	while (start < text.length) {
		const nl = text.indexOf('\n', start);
		if (nl === -1 && !complete) return 'document';
		const line = text.slice(start, nl === -1 ? text.length : nl).trim();
		if (line !== '') {
			try {
				JSON.parse(line);
				return 'ndjson';
			} catch {
				return 'document';
			}
		}
		if (nl === -1) break;
		start = nl + 1;
	}
	return 'document';
}

/** Feeds one line to a reader the way parseWebhookLog does: blank lines skipped, bad JSON listed. */
export function readLine(
	reader: { add(value: unknown, line: number): void; bad(line: number, reason: string): void },
	text: string,
	line: number
): void {
	if (text.trim() === '') return;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		reader.bad(line, `not JSON: ${(e as Error).message.slice(0, 80)}`);
		return;
	}
	reader.add(value, line);
}
