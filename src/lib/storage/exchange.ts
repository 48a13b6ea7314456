/**
 * Export and import of runs. Export: one run or all, as a `wa-pricing-runs/1` JSON file. Import:
 * a runs file (one or many runs) or a bare scenario file; the size is checked before anything is
 * read, every run is validated, and then ALL runs are written in one transaction or NONE: a file
 * with any invalid run writes nothing, and the report names each bad run and field.
 */
import * as v from 'valibot';
import { SCENARIO_FORMAT, validateScenario } from '$lib/domain/scenario';
import type { Ledger } from '$lib/engine/ledger';
import type { Scenario } from '$lib/domain/scenario';
import { APP_VERSION } from './app-version';
import { StorageError, toStorageError } from './errors';
import {
	RUNS_FORMAT,
	readEntry,
	runsFileSchema,
	toEntry,
	type EntryResult,
	type RunsFile
} from './exchange-format';
import type { StoredRun } from './records';
import { buildRun } from './run-record';
import { getRuns, insertRuns } from './runs-repo';

export { RUNS_FORMAT, MAX_IMPORT_RUNS, type RunsFile, type RunsFileEntry } from './exchange-format';

/** Files larger than this are refused before being read: 20 MB holds ~200,000 events, the scenario limit. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function toRunsFile(runs: readonly StoredRun[], now: Date = new Date()): RunsFile {
	return {
		format: RUNS_FORMAT,
		app_version: APP_VERSION,
		exported_at: now.toISOString(),
		runs: runs.map(toEntry)
	};
}

export function runsFileBlob(file: RunsFile): Blob {
	return new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
}

const slug = (name: string): string =>
	name
		.normalize('NFKD')
		.replace(/[^\w\s-]/g, '')
		.trim()
		.replace(/[\s_]+/g, '-')
		.toLowerCase()
		.slice(0, 60) || 'run';

export function exportFileName(runs: readonly Pick<StoredRun, 'name'>[], now: Date = new Date()): string {
	const first = runs[0];
	if (runs.length === 1 && first) return `${slug(first.name)}.wa-runs.json`;
	return `wa-pricing-runs-${now.toISOString().slice(0, 10)}.wa-runs.json`;
}

export interface ExportedFile {
	blob: Blob;
	filename: string;
	count: number;
}

/** The given saved runs (all when `ids` is absent) as a downloadable file. */
export async function exportRuns(ids?: readonly string[]): Promise<ExportedFile> {
	const runs = await getRuns(ids);
	if (runs.length === 0)
		throw new StorageError('not-found', 'there are no saved runs to export.', { action: 'export' });
	return { blob: runsFileBlob(toRunsFile(runs)), filename: exportFileName(runs), count: runs.length };
}

/** The sandbox's current scenario as a one-run file, saved or not (works with saving off). */
export function exportScenarioRun(
	scenario: Scenario,
	ledger: Ledger,
	saved?: Pick<StoredRun, 'id' | 'notes' | 'createdAt'> | null
): ExportedFile {
	const now = Date.now();
	const run = buildRun({ scenario, ledger, notes: saved?.notes }, saved?.id ?? crypto.randomUUID(), now);
	if (saved) run.createdAt = saved.createdAt;
	return { blob: runsFileBlob(toRunsFile([run])), filename: exportFileName([run]), count: 1 };
}

// ---- import ----

export interface ImportRejection {
	/** Position of the run in the file (0-based); null when the whole file is refused. */
	index: number | null;
	name?: string;
	/** Names the field: "scenario.events.3.at: must be an ISO 8601 instant …". */
	reason: string;
}

export interface ImportReport {
	/** True when the runs were written. */
	ok: boolean;
	/** Names of the runs written, in file order. */
	imported: string[];
	/** Ids of the runs written (an id already taken is replaced by a new one). */
	ids: string[];
	rejected: ImportRejection[];
	message: string;
}

/** A File, a Blob, or anything with a size and a text() (tests pass fakes). */
export interface ImportSource {
	size: number;
	text(): Promise<string>;
}

type Reader = (data: unknown, now: number) => EntryResult[] | ImportRejection;

const readRunsFileV1: Reader = (data, now) => {
	const parsed = v.safeParse(runsFileSchema, data, { abortPipeEarly: true });
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const path = issue ? v.getDotPath(issue) : null;
		return { index: null, reason: `${path ?? 'file'}: ${issue?.message ?? 'is not a runs file'}` };
	}
	return parsed.output.runs.map((raw) => readEntry(raw, now));
};

const readScenarioFile: Reader = (data, now) => {
	const checked = validateScenario(data);
	if (!checked.ok) {
		const first = checked.errors[0];
		return { index: 0, reason: `${first?.path ?? 'file'}: ${first?.message ?? 'is not a valid scenario'}` };
	}
	return [readEntry({ scenario: checked.scenario }, now)];
};

/**
 * One reader per file format. A later `wa-pricing-runs/2` adds its reader here; older formats keep
 * theirs, so files from older versions still import.
 */
const READERS = new Map<string, Reader>([
	[RUNS_FORMAT, readRunsFileV1],
	[SCENARIO_FORMAT, readScenarioFile]
]);

function unknownFormat(format: unknown): ImportRejection {
	const m = typeof format === 'string' ? /^wa-pricing-(runs|scenario)\/(\d+)$/.exec(format) : null;
	if (m)
		return {
			index: null,
			reason: `format: "${String(format)}" was written by a newer version of this app; this version reads ${[...READERS.keys()].join(' and ')}. Reload to get the latest version.`
		};
	return {
		index: null,
		reason: `format: must be "${RUNS_FORMAT}" (a runs file) or "${SCENARIO_FORMAT}" (a scenario file)`
	};
}

const refused = (rejected: ImportRejection[], message: string): ImportReport => ({
	ok: false,
	imported: [],
	ids: [],
	rejected,
	message
});

/** Parses and validates a file's text; writes nothing. */
export function readImportText(
	text: string,
	now: number = Date.now()
): { runs: StoredRun[]; rejected: ImportRejection[] } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (err) {
		return {
			runs: [],
			rejected: [{ index: null, reason: `file: not valid JSON (${(err as Error).message})` }]
		};
	}
	const format =
		typeof data === 'object' && data !== null && !Array.isArray(data)
			? (data as { format?: unknown }).format
			: undefined;
	const reader = typeof format === 'string' ? READERS.get(format) : undefined;
	if (!reader) return { runs: [], rejected: [unknownFormat(format)] };
	const results = reader(data, now);
	if (!Array.isArray(results)) return { runs: [], rejected: [results] };
	const runs: StoredRun[] = [];
	const rejected: ImportRejection[] = [];
	results.forEach((r, index) => {
		if (r.ok) runs.push(r.run);
		else rejected.push({ index, name: r.name, reason: r.reason });
	});
	return { runs, rejected };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Imports a file: size first (before reading it), then JSON, then every run; then all runs in one
 * transaction, or none at all if any run is invalid or the write fails.
 */
export async function importRunsFile(file: ImportSource): Promise<ImportReport> {
	if (file.size > MAX_IMPORT_BYTES) {
		const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
		return refused(
			[{ index: null, reason: `file: is ${mb(file.size)} MB; the limit is ${mb(MAX_IMPORT_BYTES)} MB` }],
			`Nothing was imported: the file is larger than ${mb(MAX_IMPORT_BYTES)} MB.`
		);
	}
	let text: string;
	try {
		text = await file.text();
	} catch (err) {
		return refused(
			[{ index: null, reason: `file: could not be read (${(err as Error).message})` }],
			'Nothing was imported: the file could not be read.'
		);
	}
	const { runs, rejected } = readImportText(text);
	if (rejected.length > 0) {
		const whole = rejected.some((r) => r.index === null);
		const total = runs.length + rejected.length;
		return refused(
			rejected,
			whole
				? `Nothing was imported: ${rejected[0]?.reason ?? 'the file is not a runs file'}.`
				: `Nothing was imported: ${plural(rejected.length, 'run')} of ${total} ${rejected.length === 1 ? 'is' : 'are'} invalid. Imports are all or nothing — fix or remove the invalid ${rejected.length === 1 ? 'run' : 'runs'} and import the file again.`
		);
	}
	try {
		const written = await insertRuns(runs);
		const renamed = written.filter((w, i) => w.id !== runs[i]?.id).length;
		return {
			ok: true,
			imported: written.map((w) => w.name),
			ids: written.map((w) => w.id),
			rejected: [],
			message:
				`Imported ${plural(written.length, 'run')}.` +
				(renamed
					? ` ${plural(renamed, 'run')} already existed here; the imported ${renamed === 1 ? 'copy was' : 'copies were'} added beside ${renamed === 1 ? 'it' : 'them'}.`
					: '')
		};
	} catch (err) {
		const e = toStorageError(err, 'import the runs');
		return refused([{ index: null, reason: e.reason }], `Nothing was imported: ${e.reason}`);
	}
}
