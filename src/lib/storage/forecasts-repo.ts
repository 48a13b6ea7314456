/**
 * Saved forecasts: save (summary and result in one transaction), list once or live (summaries
 * only, newest first), open, rename, delete and restore. A forecast keeps its inputs, the rate
 * cards and regimes it read, and the app and rate-data versions that priced it.
 */
import type { RegimeId } from '$lib/domain/regimes';
import type { BroadcastResult } from '$lib/engine/forecast/broadcast-run';
import { cardsUsed } from '$lib/engine/forecast/cards-used';
import type { PlanRanges } from '$lib/engine/forecast/monte-carlo';
import { APP_VERSION, rateDataVersion } from './app-version';
import type { SandboxDb } from './db';
import { StorageError } from './errors';
import type { ForecastInputs, ForecastSummary, StoredForecast } from './forecast-records';
import { read, write } from './repo-io';
import { liveFrom, type Subscribable } from './live-query';

export const MAX_FORECAST_NAME = 200;

export interface SaveForecastInput {
	name: string;
	inputs: ForecastInputs;
	result: BroadcastResult;
	ranges: PlanRanges | null;
}

function cleanName(name: string): string {
	const n = name.replace(/\s+/g, ' ').trim();
	if (!n) throw new StorageError('invalid', 'a forecast needs a name.');
	return n.slice(0, MAX_FORECAST_NAME);
}

/** The summary of a result (pure apart from the id and the clock passed in). */
export function summarize(input: SaveForecastInput, id: string, now: number): ForecastSummary {
	const name = cleanName(input.name);
	const lane = input.result.lanes[input.result.main];
	if (!lane) throw new StorageError('invalid', 'the forecast has no result to save.');
	const i = input.inputs;
	return {
		id,
		name,
		nameLower: name.toLowerCase(),
		inputs: i,
		regimes: [...lane.result.regimes].sort() as RegimeId[],
		cardIds: cardsUsed(
			lane.result,
			{
				category: i.category,
				timezone: i.timezone,
				currency: i.currency,
				...(i.regime ? { regime: i.regime } : {})
			},
			i.schedule
		),
		currency: lane.result.currency,
		total: lane.result.total,
		recipients: lane.result.recipients,
		rateDataVersion: rateDataVersion(),
		appVersion: APP_VERSION,
		createdAt: now,
		updatedAt: now
	};
}

async function put(db: SandboxDb, f: StoredForecast): Promise<void> {
	const { result, ranges, ...summary } = f;
	await db.transaction('rw', db.forecasts, db.forecastResults, async () => {
		await Promise.all([db.forecasts.put(summary), db.forecastResults.put({ id: f.id, result, ranges })]);
	});
}

export function saveForecast(input: SaveForecastInput): Promise<ForecastSummary> {
	return write('save the forecast', async (db) => {
		const summary = summarize(input, crypto.randomUUID(), Date.now());
		await put(db, { ...summary, result: input.result, ranges: input.ranges });
		return summary;
	});
}

const newestFirst = (a: ForecastSummary, b: ForecastSummary) =>
	b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);

async function summaries(db: SandboxDb, limit?: number): Promise<ForecastSummary[]> {
	const rows = await db.forecasts.orderBy('updatedAt').reverse().toArray();
	rows.sort(newestFirst);
	return limit === undefined ? rows : rows.slice(0, limit);
}

export function listForecasts(limit?: number): Promise<ForecastSummary[]> {
	return read('list the saved forecasts', (db) => summaries(db, limit));
}

/** The summaries, re-emitted whenever a forecast is saved or deleted (in this tab or another). */
export function liveForecasts(limit?: number): Subscribable<ForecastSummary[]> {
	return liveFrom('list the saved forecasts', (db) => summaries(db, limit));
}

async function getIn(db: SandboxDb, id: string): Promise<StoredForecast | null> {
	const [summary, body] = await Promise.all([db.forecasts.get(id), db.forecastResults.get(id)]);
	return summary && body ? { ...summary, result: body.result, ranges: body.ranges } : null;
}

export function getForecast(id: string): Promise<StoredForecast | null> {
	return read('open the forecast', (db) =>
		db.transaction('r', db.forecasts, db.forecastResults, () => getIn(db, id))
	);
}

export function renameForecast(id: string, name: string): Promise<ForecastSummary> {
	return write('rename the forecast', (db) =>
		db.transaction('rw', db.forecasts, async () => {
			const old = await db.forecasts.get(id);
			if (!old) throw new StorageError('not-found', 'that forecast no longer exists.');
			const clean = cleanName(name);
			const next = { ...old, name: clean, nameLower: clean.toLowerCase(), updatedAt: Date.now() };
			await db.forecasts.put(next);
			return next;
		})
	);
}

/** Deletes a forecast and returns it whole, so "Undo" can put it back with restoreForecast. */
export function deleteForecast(id: string): Promise<StoredForecast | null> {
	return write('delete the forecast', (db) =>
		db.transaction('rw', db.forecasts, db.forecastResults, async () => {
			const old = await getIn(db, id);
			await Promise.all([db.forecasts.delete(id), db.forecastResults.delete(id)]);
			return old;
		})
	);
}

export function restoreForecast(f: StoredForecast): Promise<void> {
	return write('restore the forecast', (db) => put(db, f));
}
