/**
 * The broadcast page's session: the inputs (BroadcastForm), the template library, the forecast run
 * in its worker (inspect a file, price a file or a plan, progress, cancel), the result, saving it and
 * opening a saved one. Every action catches its own failure into a message: the inputs are never lost.
 */
import { categoryAvailability, usMarketingPause } from '$lib/domain/templates';
import type { BroadcastResult } from '$lib/engine/forecast/broadcast-run';
import { forecastToJson } from '$lib/engine/forecast/forecast-json';
import type { PlanRanges } from '$lib/engine/forecast/monte-carlo';
import { columnsError } from '$lib/engine/forecast/recipients-csv';
import { scheduleStart } from '$lib/engine/forecast/send-schedule';
import type { ForecastInputs } from '$lib/storage/forecast-records';
import { getForecast, saveForecast } from '$lib/storage/forecasts-repo';
import type { ForecastProgress } from '$lib/workers/forecast-protocol';
import { BroadcastForm } from './broadcast-form.svelte';
import { ForecastRunner } from './forecast-runner';
import { messageOf } from './runs-storage.svelte';
import { TemplateLibrary } from './templates.svelte';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** A finished forecast with what it was computed from. */
export interface ForecastOutcome {
	inputs: ForecastInputs;
	result: BroadcastResult;
	ranges: PlanRanges | null;
	rows: number;
	elapsedMs: number;
	/** The saved forecast it is (after Save, or opened from the list), else null. */
	savedId: string | null;
	name: string | null;
}

export interface Notice {
	tone: 'success' | 'error' | 'info';
	text: string;
}

export class BroadcastSession {
	readonly form = new BroadcastForm();
	readonly library = new TemplateLibrary();
	private readonly runner = new ForecastRunner();
	status = $state<RunStatus>('idle');
	/** A file being inspected (its header and first rows read in the worker). */
	inspecting = $state<string | null>(null);
	/** Why the last file chosen was not taken (the one before, if any, stays). */
	fileMessage = $state<string | null>(null);
	progress = $state.raw<ForecastProgress | null>(null);
	outcome = $state.raw<ForecastOutcome | null>(null);
	/** What stops the forecast from running, after Run was pressed with inputs missing. */
	problems = $state<string[]>([]);
	notice = $state<Notice | null>(null);
	saving = $state(false);

	constructor() {
		$effect(() => () => this.runner.dispose());
	}

	readonly availability = $derived(
		this.form.category ? categoryAvailability(this.library.templates, this.form.category) : null
	);
	/** Marketing to US numbers on the send date: unavailable from 2025-04-01 (shown whatever is chosen). */
	readonly usPause = $derived(this.form.sendDate ? usMarketingPause('marketing', this.form.sendDate) : null);

	/** Everything that stops a forecast, in the order of the page; empty when it can run. */
	readonly blockers: string[] = $derived.by(() => {
		const f = this.form;
		const out: string[] = [];
		if (!f.category) out.push('Choose a template category (step 1).');
		else if (this.availability && !this.availability.available)
			out.push(`The ${f.category} category is unavailable: ${this.availability.reason}`);
		else if (!this.library.byId(f.templateId) || this.library.byId(f.templateId)?.status !== 'approved')
			out.push('Choose an approved template (step 1).');
		if (f.audience === 'file') {
			if (this.inspecting) out.push(`“${this.inspecting}” is still being read: a moment.`);
			else if (!f.file || !f.inspection) out.push('Choose a recipients file (step 2).');
			else {
				const problem = columnsError(f.inspection, f.columns);
				if (problem) out.push(problem);
			}
		} else if (!f.plan.ok) out.push(f.plan.error);
		for (const r of [f.schedule, f.account, f.provider]) if (!r.ok) out.push(r.error);
		return out;
	});

	chooseFile(file: File): void {
		this.fileMessage = null;
		this.inspecting = file.name;
		if (this.status === 'running') this.cancel();
		this.runner.start({ type: 'inspect', file, timezone: this.form.timezone }, (reply) => {
			this.inspecting = null;
			if (reply.type === 'inspected') this.form.takeFile(file, reply.inspection);
			else if (reply.type === 'refused' || reply.type === 'error')
				this.fileMessage = `“${file.name}” was not used: ${reply.message}`;
		});
	}

	run(): boolean {
		this.problems = this.blockers;
		if (this.problems.length) return false;
		const f = this.form;
		const t = this.library.byId(f.templateId);
		const inputs = f.inputs(t ? { id: t.id, name: t.name, language: t.language } : null);
		const settings = f.settings();
		const schedule = inputs.schedule;
		this.status = 'running';
		this.notice = null;
		this.progress = { rows: 0, fraction: 0, elapsedMs: 0, phase: 'reading' };
		const request =
			inputs.audience.kind === 'plan'
				? { type: 'plan' as const, plan: inputs.audience.plan, settings, schedule }
				: {
						type: 'file' as const,
						file: f.file as File,
						header: f.inspection?.header ?? [],
						columns: $state.snapshot(f.columns),
						settings,
						schedule
					};
		this.runner.start(request, (reply) => {
			if (reply.type === 'progress') this.progress = reply;
			else if (reply.type === 'done') {
				this.outcome = {
					inputs,
					result: reply.result,
					ranges: reply.ranges,
					rows: reply.rows,
					elapsedMs: reply.elapsedMs,
					savedId: null,
					name: null
				};
				this.progress = null;
				this.status = 'done';
			} else if (reply.type === 'refused' || reply.type === 'error') {
				this.progress = null;
				this.status = 'failed';
				this.notice = {
					tone: 'error',
					text:
						reply.type === 'refused'
							? reply.message
							: `The forecast stopped: ${reply.message}. Your inputs are kept; try again.`
				};
			}
		});
		return true;
	}

	cancel(): void {
		if (this.status !== 'running') return;
		const rows = this.progress?.rows ?? 0;
		this.runner.cancel();
		this.progress = null;
		this.status = 'cancelled';
		this.notice = {
			tone: 'info',
			text: `Cancelled after ${rows.toLocaleString('en-US')} rows; nothing of it was kept. Your inputs are unchanged.`
		};
	}

	/** The file's name without extension and the template, as the default name of a saved forecast. */
	defaultName(): string {
		const o = this.outcome;
		if (!o) return '';
		const a = o.inputs.audience;
		const who =
			a.kind === 'file' ? a.fileName.replace(/\.[^.]+$/, '') : `plan of ${o.rows.toLocaleString('en-US')}`;
		return `${o.inputs.template?.name ?? o.inputs.category} to ${who}`;
	}

	async save(name: string): Promise<boolean> {
		const o = this.outcome;
		if (!o || this.saving) return false;
		this.saving = true;
		try {
			const saved = await saveForecast({ name, inputs: o.inputs, result: o.result, ranges: o.ranges });
			this.outcome = { ...o, savedId: saved.id, name: saved.name };
			this.notice = {
				tone: 'success',
				text: `Saved “${saved.name}”. It is listed below and beside your saved runs.`
			};
			return true;
		} catch (err) {
			this.notice = { tone: 'error', text: messageOf(err) };
			return false;
		} finally {
			this.saving = false;
		}
	}

	/** Opens a saved forecast: its inputs back in the fields, its result shown. */
	async open(id: string): Promise<void> {
		try {
			const f = await getForecast(id);
			if (!f) {
				this.notice = {
					tone: 'error',
					text: 'That saved forecast was not found (it may have been deleted).'
				};
				return;
			}
			this.cancel();
			this.form.load(f.inputs);
			this.outcome = {
				inputs: f.inputs,
				result: f.result,
				ranges: f.ranges,
				rows: f.recipients,
				elapsedMs: 0,
				savedId: f.id,
				name: f.name
			};
			this.status = 'done';
			this.notice = {
				tone: 'info',
				text:
					f.inputs.audience.kind === 'file'
						? `Opened “${f.name}”. To run it again, choose “${f.inputs.audience.fileName}” again (files are not stored).`
						: `Opened “${f.name}”.`
			};
		} catch (err) {
			this.notice = { tone: 'error', text: messageOf(err) };
		}
	}

	/** The result as wa-pricing-forecast/1 (the CLI's format), every lane, for download. */
	json(): { blob: Blob; filename: string } | null {
		const o = this.outcome;
		if (!o) return null;
		const sendAt = scheduleStart(o.inputs.schedule);
		const lanes = o.result.lanes.map((l) =>
			forecastToJson(l.result, sendAt, l.regime ?? [...l.result.regimes][0] ?? this.form.regimeInForce.id)
		);
		const main = lanes[o.result.main];
		const body =
			o.result.lanes.length > 1 ? { format: 'wa-pricing-forecast-comparison/1', forecasts: lanes } : main;
		return {
			blob: new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }),
			filename: `${fileStem(this.defaultName())}.forecast.json`
		};
	}
}

export const fileStem = (name: string): string =>
	name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60) || 'forecast';
