/**
 * The analytics page's sources: saved runs (priced per day in the log-import worker) and the logs
 * and pricing_analytics exports imported in this visit. Imported reports stay in this page's memory
 * only (no database table yet: the schema is being changed elsewhere); nothing is half-kept — a
 * report joins the list only when its import finished.
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
		} else {
			const id = `log-${reply.id}`;
			this.logs = [...this.logs, { id, report: reply.report }];
			this.notice = `${reply.report.name}: ${reply.report.statuses.toLocaleString('en-US')} statuses reconciled.`;
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

	removeLog(id: string): void {
		this.logs = this.logs.filter((l) => l.id !== id);
	}

	removeExport(index: number): void {
		this.exports = this.exports.filter((_, i) => i !== index);
	}

	toggle(id: string, on: boolean): void {
		this.enabled = { ...this.enabled, [id]: on };
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
