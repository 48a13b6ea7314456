/**
 * The Chromium renderer processes a bench started, read from /proc (Linux): shared by the sandbox
 * and webhook-import benches.
 */
import { readFileSync, readdirSync } from 'node:fs';

/**
 * Resident memory (MB) of the Chromium renderer processes this script started, from /proc (Linux):
 * the tab's own (the largest: it holds the page and its workers) and all of them (Chromium also keeps
 * a spare renderer and the one the blank start page used).
 */
export function rendererRssMb(): { tab: number; all: number } {
	const parent = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// gone
		}
	}
	const ours = (pid: number) => {
		for (let p = parent.get(pid), hops = 0; p !== undefined && hops < 20; p = parent.get(p), hops++)
			if (p === process.pid) return true;
		return false;
	};
	let kb = 0;
	let largest = 0;
	for (const pid of parent.keys()) {
		try {
			if (!ours(pid) || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
			const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
			kb += rss;
			largest = Math.max(largest, rss);
		} catch {
			// gone
		}
	}
	return { tab: largest / 1024, all: kb / 1024 };
}
