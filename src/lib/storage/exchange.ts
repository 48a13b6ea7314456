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
import { existingRunIds, getRuns, insertRuns } from './runs-repo';

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
	/** Refused because the browser's storage is full (the message says what to do). */
	quota?: boolean;
}

/** A File, a Blob, or anything with a size and a text() (tests pass fakes). */
export interface ImportSource {
	size: number;
	text(): Promise<string>;
}

/** A file's runs as they stand in it, before each is validated; or why the whole file is refused. */
type Reader = (data: unknown) => unknown[] | ImportRejection;

const readRunsFileV1: Reader = (data) => {
	const parsed = v.safeParse(runsFileSchema, data, { abortPipeEarly: true });
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const path = issue ? v.getDotPath(issue) : null;
		return { index: null, reason: `${path ?? 'file'}: ${issue?.message ?? 'is not a runs file'}` };
	}
	return parsed.output.runs;
};

const readScenarioFile: Reader = (data) => {
	const checked = validateScenario(data);
	if (!checked.ok) {
		const first = checked.errors[0];
		return { index: 0, reason: `${first?.path ?? 'file'}: ${first?.message ?? 'is not a valid scenario'}` };
	}
	return [{ scenario: checked.scenario }];
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

/** The file's entries, or why the whole file is refused (its text is not JSON, or not a known format). */
function fileEntries(text: string): unknown[] | ImportRejection {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		// The browser's own parser message ("Unexpected token … in JSON at position …") helps nobody.
		return {
			index: null,
			reason:
				'file: is not valid JSON. Import a runs file (.wa-runs.json) exported from this app, or a scenario file.'
		};
	}
	const format =
		typeof data === 'object' && data !== null && !Array.isArray(data)
			? (data as { format?: unknown }).format
			: undefined;
	const reader = typeof format === 'string' ? READERS.get(format) : undefined;
	return reader ? reader(data) : unknownFormat(format);
}

/** One entry validated; never throws (a name of invisible characters only is refused, not thrown). */
function checkEntry(raw: unknown, index: number, now: number): EntryResult & { index: number } {
	try {
		return { ...readEntry(raw, now), index };
	} catch (err) {
		return { ok: false, index, reason: err instanceof Error ? err.message : String(err) };
	}
}

type Checked = { runs: StoredRun[]; rejected: ImportRejection[] };

function collect(results: (EntryResult & { index: number })[]): Checked {
	const runs: StoredRun[] = [];
	const rejected: ImportRejection[] = [];
	for (const r of results) {
		if (r.ok) runs.push(r.run);
		else rejected.push({ index: r.index, name: r.name, reason: r.reason });
	}
	return { runs, rejected };
}

/** Parses and validates a file's text; writes nothing. */
export function readImportText(text: string, now: number = Date.now()): Checked {
	const entries = fileEntries(text);
	if (!Array.isArray(entries)) return { runs: [], rejected: [entries] };
	return collect(entries.map((raw, i) => checkEntry(raw, i, now)));
}

/** Runs validated per step of an import (each is priced): the page draws in between. */
export const CHECK_CHUNK = 100;

export type ImportPhase = 'checking' | 'writing';

export interface ImportProgress {
	phase: ImportPhase;
	done: number;
	total: number;
}

const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** readImportText in steps of CHECK_CHUNK runs, yielding to the page between steps. */
export async function readImportTextInSteps(
	text: string,
	onProgress?: (p: ImportProgress) => void,
	now: number = Date.now()
): Promise<Checked> {
	const entries = fileEntries(text);
	if (!Array.isArray(entries)) return { runs: [], rejected: [entries] };
	const results: (EntryResult & { index: number })[] = [];
	for (let i = 0; i < entries.length; i += CHECK_CHUNK) {
		const end = Math.min(entries.length, i + CHECK_CHUNK);
		for (let j = i; j < end; j++) results.push(checkEntry(entries[j], j, now));
		onProgress?.({ phase: 'checking', done: end, total: entries.length });
		if (end < entries.length) await nextFrame();
	}
	return collect(results);
}

/** Ends with a full stop, once. */
const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What to do with runs of the file that are already saved here (same run id). */
export type DuplicateChoice = 'skip' | 'both';

export interface ImportOptions {
	onProgress?: (p: ImportProgress) => void;
}

/** A file read and validated, not yet written: `alreadyHere` are the runs saved here before. */
export interface PreparedImport {
	runs: StoredRun[];
	alreadyHere: StoredRun[];
}

/**
 * Reads and checks a file without writing: size first (before reading it), then JSON, then every
 * run (in steps). Either a refusal report, or the runs ready to write with those already here.
 */
export async function prepareImport(
	file: ImportSource,
	options: ImportOptions = {}
): Promise<{ ok: false; report: ImportReport } | { ok: true; prepared: PreparedImport }> {
	const no = (report: ImportReport) => ({ ok: false as const, report });
	if (file.size > MAX_IMPORT_BYTES) {
		const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
		return no(
			refused(
				[{ index: null, reason: `file: is ${mb(file.size)} MB; the limit is ${mb(MAX_IMPORT_BYTES)} MB` }],
				`Nothing was imported: the file is larger than ${mb(MAX_IMPORT_BYTES)} MB.`
			)
		);
	}
	let text: string;
	try {
		text = await file.text();
	} catch (err) {
		return no(
			refused(
				[{ index: null, reason: `file: could not be read (${(err as Error).message})` }],
				'Nothing was imported: the file could not be read.'
			)
		);
	}
	const { runs, rejected } = await readImportTextInSteps(text, options.onProgress);
	if (rejected.length > 0) {
		const whole = rejected.some((r) => r.index === null);
		const total = runs.length + rejected.length;
		return no(
			refused(
				rejected,
				whole
					? `Nothing was imported: ${sentence((rejected[0]?.reason ?? 'the file is not a runs file').replace(/^file: /, 'the file '))}`
					: `Nothing was imported: ${plural(rejected.length, 'run')} of ${total} ${rejected.length === 1 ? 'is' : 'are'} invalid. Imports are all or nothing — fix or remove the invalid ${rejected.length === 1 ? 'run' : 'runs'} and import the file again.`
			)
		);
	}
	try {
		const here = await existingRunIds(runs.map((r) => r.id));
		return { ok: true, prepared: { runs, alreadyHere: runs.filter((r) => here.has(r.id)) } };
	} catch (err) {
		const e = toStorageError(err, 'import the runs');
		return no(refused([{ index: null, reason: e.reason }], `Nothing was imported: ${e.reason}`));
	}
}

/**
 * Writes a prepared import: all runs in one transaction, or none. Runs already here are skipped, or
 * kept beside the saved ones (the imported copy gets a new id) — "keep both".
 */
export async function commitImport(
	prepared: PreparedImport,
	duplicates: DuplicateChoice,
	options: ImportOptions = {}
): Promise<ImportReport> {
	const skip = duplicates === 'skip' ? new Set(prepared.alreadyHere.map((r) => r.id)) : new Set<string>();
	const runs = prepared.runs.filter((r) => !skip.has(r.id));
	const skipped = prepared.runs.length - runs.length;
	const skippedNote = skipped
		? ` ${plural(skipped, 'run')} already here ${skipped === 1 ? 'was' : 'were'} skipped.`
		: '';
	if (runs.length === 0)
		return {
			ok: true,
			imported: [],
			ids: [],
			rejected: [],
			message: `Nothing new to import: ${skipped === 1 ? 'the run in this file is' : `all ${skipped} runs in this file are`} already here.`
		};
	try {
		const written = await insertRuns(runs, (p) =>
			options.onProgress?.({ phase: 'writing', done: p.written, total: p.total })
		);
		const renamed = written.filter((w, i) => w.id !== runs[i]?.id).length;
		return {
			ok: true,
			imported: written.map((w) => w.name),
			ids: written.map((w) => w.id),
			rejected: [],
			message:
				`Imported ${plural(written.length, 'run')}.` +
				skippedNote +
				(renamed
					? ` ${plural(renamed, 'run')} already existed here; the imported ${renamed === 1 ? 'copy was' : 'copies were'} added beside ${renamed === 1 ? 'it' : 'them'}.`
					: '')
		};
	} catch (err) {
		const e = toStorageError(err, 'import the runs');
		return {
			...refused([{ index: null, reason: e.reason }], `Nothing was imported: ${e.reason}`),
			quota: e.kind === 'quota'
		};
	}
}

/** prepareImport then commitImport: runs already here are kept beside the saved ones unless told. */
export async function importRunsFile(
	file: ImportSource,
	options: ImportOptions & { duplicates?: DuplicateChoice } = {}
): Promise<ImportReport> {
	const p = await prepareImport(file, options);
	if (!p.ok) return p.report;
	return commitImport(p.prepared, options.duplicates ?? 'both', options);
}
