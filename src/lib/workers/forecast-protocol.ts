/**
 * Messages between the broadcast page and its forecast worker (forecast.worker.ts). In: inspect a
 * file's header and first rows; price a file (streamed) or a plan. Out: the inspection, progress about
 * every 100 ms, then the result — totals per lane, the cumulative curve, a sample of recipients and,
 * for a plan, the Monte Carlo ranges — or why the file was refused.
 */
import type { BroadcastResult, BroadcastSettings } from '$lib/engine/forecast/broadcast-run';
import type { PlanRanges } from '$lib/engine/forecast/monte-carlo';
import type { BroadcastPlan } from '$lib/engine/forecast/plan';
import type { CsvColumns, CsvInspection } from '$lib/engine/forecast/recipients-csv';
import type { SendSchedule } from '$lib/engine/forecast/send-schedule';

export type ForecastRequest =
	| { id: number; type: 'inspect'; file: Blob; timezone: string }
	| {
			id: number;
			type: 'file';
			file: Blob;
			/** The header the columns were chosen from: a file changed since is refused. */
			header: string[];
			columns: CsvColumns;
			settings: BroadcastSettings;
			schedule: SendSchedule;
	  }
	| { id: number; type: 'plan'; plan: BroadcastPlan; settings: BroadcastSettings; schedule: SendSchedule };

export interface ForecastProgress {
	/** Rows (or planned recipients) priced so far. */
	rows: number;
	/** How far through the input, 0 to 1. */
	fraction: number;
	elapsedMs: number;
	phase: 'reading' | 'pricing' | 'ranges';
}

export interface ForecastDone {
	result: BroadcastResult;
	ranges: PlanRanges | null;
	rows: number;
	elapsedMs: number;
}

export type ForecastReply =
	| { id: number; type: 'inspected'; inspection: CsvInspection }
	| ({ id: number; type: 'progress' } & ForecastProgress)
	| ({ id: number; type: 'done' } & ForecastDone)
	/** The input cannot be used (an empty file, no phone column): nothing was priced. */
	| { id: number; type: 'refused'; message: string }
	| { id: number; type: 'error'; message: string };
