/**
 * The analytics page's sources: saved runs (priced per day in the log-import worker), saved
 * forecasts, imported webhook logs and pricing_analytics exports. A log's report is kept in the
 * database (storage/logs-repo.ts) once its import has finished — one write, so a cancelled or failed
 * import keeps nothing — and comes back with its on/off switch after a reload. Exports stay for the
 * visit only.
 */
import type { UsageRow } from '$lib/engine/webhooks/usage';
import type {
	AnalyticsReport,
	ImportProgress,
	ImportReply,
	ImportRequest,
	LogReport
} from '$lib/engine/webhooks/import-job';
import { localDate } from '$lib/domain/time';
import type { EpochMs, Micros } from '$lib/domain/units';
import { scheduleStart } from '$lib/engine/forecast/send-schedule';
import type { StoredForecast } from '$lib/storage/forecast-records';
import { getForecast, listForecasts } from '$lib/storage/forecasts-repo';
import { getRuns } from '$lib/storage/runs-repo';
import { listRuns } from '$lib/storage/runs-query';
import type { RunRecord } from '$lib/storage/records';
import {
	deleteImportedLog,
	listImportedLogs,
	saveImportedLog,
	setImportedLogOn
} from '$lib/storage/logs-repo';

export interface Source {
	id: string;
	kind: 'run' | 'forecast' | 'log';
	label: string;
	on: boolean;
	rows: UsageRow[];
	currency: string;
}

export interface ImportedLog {
	id: string;
	report: LogReport;
	/** Its record in the database; null when it could not be kept (it lasts this visit only). */
	dbId: string | null;
}

export class AnalyticsSources {
	runs = $state.raw<Source[]>([]);
	forecasts = $state.raw<Source[]>([]);
	logs = $state.raw<ImportedLog[]>([]);
	exports = $state.raw<AnalyticsReport[]>([]);
	/** Source id → shown or not. */
	enabled = $state<Record<string, boolean>>({});
	runsStatus = $state<'loading' | 'ready' | 'error'>('loading');
	runsError = $state<string | null>(null);
	job = $state.raw<{ name: string; progress: ImportProgress | null } | null>(null);
	error = $state<string | null>(null);
	notice = $state<string | null>(null);

	private worker: Worker | null = null;
	private nextId = 0;
	private current = 0;
	private runsRequest = 0;
	private onRuns: { resolve: (rows: Record<string, UsageRow[]>) => void; reject: (e: Error) => void } | null =
		null;
	private queue: { file: File; timezone: string }[] = [];

	sources = $derived.by((): Source[] => [
		...this.logs.map((l): Source => ({
			id: l.id,
			kind: 'log',
			label: l.report.name,
			on: this.enabled[l.id] !== false,
			rows: l.report.usage,
			currency: l.report.currency
		})),
		...this.runs.map((r) => ({ ...r, on: this.enabled[r.id] !== false })),
		...this.forecasts.map((r) => ({ ...r, on: this.enabled[r.id] !== false }))
	]);

	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- the worker's address, never reactive
		const w = new Worker(new URL('../workers/log-import.worker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<ImportReply>) => this.receive(e.data);
		w.onerror = (e) => {
			this.error = e.message || 'The import worker failed.';
			this.job = null;
		};
		this.worker = w;
		return w;
	}

	private receive(reply: ImportReply): void {
		if (reply.type === 'runs') {
			if (reply.id === this.runsRequest) this.onRuns?.resolve(reply.rows);
			return;
		}
		if (reply.type === 'error' && reply.id === this.runsRequest) {
			this.onRuns?.reject(new Error(reply.message));
			return;
		}
		if (reply.id !== this.current) return;
		if (reply.type === 'progress') {
			const { type: _t, id: _i, ...progress } = reply;
			if (this.job) this.job = { ...this.job, progress };
			return;
		}
		this.job = null;
		queueMicrotask(() => this.next());
		if (reply.type === 'error') this.error = this.error ? `${this.error}\n${reply.message}` : reply.message;
		else if (reply.type === 'cancelled') this.notice = 'Import cancelled: nothing was kept.';
		else if (reply.report.kind === 'analytics') {
			this.exports = [...this.exports, reply.report];
			this.notice = `${reply.report.name}: ${reply.report.totals.points.toLocaleString('en-US')} pricing_analytics data points read.`;
		} else void this.keepLog(reply.report);
	}

	/** A finished import: saved whole, then listed (listed for the visit if it cannot be saved). */
	private async keepLog(report: LogReport): Promise<void> {
		const done = `${report.name}: ${report.statuses.toLocaleString('en-US')} statuses reconciled.`;
		try {
			const record = await saveImportedLog(report);
			this.logs = [...this.logs, { id: `log-${record.id}`, report, dbId: record.id }];
			this.notice = done;
		} catch (e) {
			this.logs = [...this.logs, { id: `log-visit-${++this.nextId}`, report, dbId: null }];
			this.notice = done;
			this.error = `${report.name} is shown for this visit only: ${e instanceof Error ? e.message : String(e)}`;
		}
	}

	/** Logs imported before (in this browser), with their switches. */
	async loadLogs(): Promise<void> {
		try {
			const records = await listImportedLogs();
			const fresh = records.filter((r) => !this.logs.some((l) => l.dbId === r.id));
			this.logs = [...fresh.map((r) => ({ id: `log-${r.id}`, report: r.report, dbId: r.id })), ...this.logs];
			const enabled = { ...this.enabled };
			for (const r of fresh) enabled[`log-${r.id}`] = r.on;
			this.enabled = enabled;
		} catch (e) {
			this.error = `Imported logs could not be read: ${e instanceof Error ? e.message : String(e)}`;
		}
	}

	/** Imports webhook logs or pricing_analytics exports, one after another. */
	import(files: readonly File[], timezone: string): void {
		if (!this.job) this.error = null;
		this.queue.push(...files.map((file) => ({ file, timezone })));
		if (!this.job) this.next();
	}

	private next(): void {
		const item = this.queue.shift();
		if (!item) return;
		const { file, timezone } = item;
		const id = ++this.nextId;
		this.current = id;
		this.job = { name: file.name, progress: null };
		const request: ImportRequest = { type: 'import', id, file, name: file.name, timezone };
		this.ensureWorker().postMessage(request);
	}

	cancel(): void {
		if (!this.job) return;
		this.worker?.postMessage({ type: 'cancel', id: this.current } satisfies ImportRequest);
		// A reconciliation already under way cannot stop between slices: stop the worker outright.
		this.worker?.terminate();
		this.worker = null;
		this.current = 0;
		this.queue = [];
		this.job = null;
		this.notice = 'Import cancelled: nothing was kept.';
		if (this.runsStatus === 'loading') void this.loadRuns();
	}

	async removeLog(id: string): Promise<void> {
		const log = this.logs.find((l) => l.id === id);
		try {
			if (log?.dbId) await deleteImportedLog(log.dbId);
			this.logs = this.logs.filter((l) => l.id !== id);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	removeExport(index: number): void {
		this.exports = this.exports.filter((_, i) => i !== index);
	}

	toggle(id: string, on: boolean): void {
		this.enabled = { ...this.enabled, [id]: on };
		const dbId = this.logs.find((l) => l.id === id)?.dbId;
		if (dbId)
			setImportedLogOn(dbId, on).catch((e: unknown) => {
				this.error = e instanceof Error ? e.message : String(e);
			});
	}

	/** Saved forecasts (the broadcast page's): each one's send, on the day its sending starts. */
	async loadForecasts(): Promise<void> {
		try {
			const summaries = await listForecasts();
			const stored = await Promise.all(summaries.map((f) => getForecast(f.id)));
			this.forecasts = stored.flatMap((f) => (f ? [forecastSource(f)] : []));
		} catch {
			this.forecasts = [];
		}
	}

	/** Saved runs, priced per day in the worker (their scenarios are read once, here). */
	async loadRuns(): Promise<void> {
		this.runsStatus = 'loading';
		this.runsError = null;
		try {
			const metas: RunRecord[] = await listRuns();
			if (metas.length === 0) {
				this.runs = [];
				this.runsStatus = 'ready';
				return;
			}
			const stored = await getRuns(metas.map((m) => m.id));
			const id = ++this.nextId;
			this.runsRequest = id;
			const rows = await new Promise<Record<string, UsageRow[]>>((resolve, reject) => {
				this.onRuns = { resolve, reject };
				const request: ImportRequest = {
					type: 'price-runs',
					id,
					runs: stored.map((r) => ({ id: r.id, scenario: $state.snapshot(r.scenario) }))
				};
				this.ensureWorker().postMessage(request);
			});
			this.runs = stored
				.filter((r) => rows[r.id])
				.map((r) => ({
					id: `run-${r.id}`,
					kind: 'run' as const,
					label: r.name,
					on: true,
					rows: rows[r.id] ?? [],
					currency: r.summary.currency
				}));
			this.runsStatus = 'ready';
		} catch (e) {
			this.runsStatus = 'error';
			this.runsError = e instanceof Error ? e.message : String(e);
		}
	}

	dispose(): void {
		this.worker?.terminate();
		this.worker = null;
	}
}

/** A saved forecast as one usage row: its template category, charged and free sends, Meta's cost. */
export function forecastSource(f: StoredForecast): Source {
	const lane = f.result.lanes[f.result.main] ?? f.result.lanes[0];
	const r = lane?.result;
	const at = (r?.firstSendAt ?? scheduleStart(f.inputs.schedule)) as EpochMs;
	const rows: UsageRow[] = [
		{
			day: localDate(at, f.inputs.timezone),
			phone: null,
			category: f.inputs.category,
			charged: r?.outcomes.charged ?? 0,
			free: r?.outcomes.free ?? 0,
			cost: (r?.total ?? f.total) as Micros,
			billed: null,
			billedCost: null
		}
	];
	return { id: `forecast-${f.id}`, kind: 'forecast', label: f.name, on: true, rows, currency: f.currency };
}
