/**
 * The CLI's own input and output, hardened (issue "Nothing a person makes is lost…" point 7): input
 * is read up to a cap (so /dev/zero, /dev/urandom or a FIFO that never ends is refused, not read
 * forever), decoded as strict UTF-8 (a byte-order mark is accepted, invalid bytes are refused), and
 * output is written synchronously so a closed pipe (`| head`) ends quietly, a full disk says so in
 * one line, and a closed stdout is an error, never a lost answer with exit 0.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** A scenario file holds at most 200,000 events (~20 MB of JSON): 64 MiB leaves room and no more. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export class InputError extends Error {}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Reads a file (or stdin for "-") as UTF-8 text, at most `cap` bytes; throws InputError with one line. */
export function readInput(path: string, cap = MAX_INPUT_BYTES): string {
	let fd: number;
	try {
		fd = path === '-' ? 0 : openSync(path, 'r');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		throw new InputError(
			code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${code ?? (e as Error).message}`,
			{
				cause: e
			}
		);
	}
	const chunks: Buffer[] = [];
	let total = 0;
	try {
		const buf = Buffer.allocUnsafe(1 << 20);
		for (;;) {
			let n: number;
			try {
				n = readSync(fd, buf, 0, buf.length, null);
			} catch (e) {
				const code = (e as NodeJS.ErrnoException).code;
				if (code === 'EAGAIN') {
					sleep(5);
					continue;
				}
				if (code === 'EOF') break;
				throw new InputError(
					`cannot read ${path === '-' ? 'stdin' : path}: ${code ?? (e as Error).message}`,
					{ cause: e }
				);
			}
			if (n === 0) break;
			total += n;
			if (total > cap)
				throw new InputError(
					`${path === '-' ? 'stdin' : path} is larger than ${Math.round(cap / 1024 / 1024)} MiB: not a scenario file (or a device that never ends)`
				);
			chunks.push(Buffer.from(buf.subarray(0, n)));
		}
	} finally {
		if (fd !== 0) closeSync(fd);
	}
	return decodeUtf8(Buffer.concat(chunks), path === '-' ? 'stdin' : path);
}

/** Strict UTF-8; a leading byte-order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch (e) {
		throw new InputError(`${name} is not UTF-8 text (invalid bytes)`, { cause: e });
	}
}

/**
 * Writes all of `text` to a file descriptor. Returns the exit code to use: 0 when written or when the
 * reader went away (EPIPE: `| head` is a normal way to read the start), 1 when the write failed for
 * another reason, after one line on stderr.
 */
export function writeAll(fd: 1 | 2, text: string): number {
	const buf = Buffer.from(text, 'utf8');
	let off = 0;
	while (off < buf.length) {
		try {
			off += writeSync(fd, buf, off, buf.length - off);
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			if (code === 'EAGAIN') {
				sleep(5);
				continue;
			}
			if (code === 'EPIPE') return 0;
			if (fd === 1) {
				try {
					writeSync(
						2,
						`error: could not write the output: ${code === 'ENOSPC' ? 'no space left on the device' : (code ?? (e as Error).message)}\n`
					);
				} catch {
					// stderr is gone too: the exit code says it.
				}
			}
			return 1;
		}
	}
	return 0;
}
