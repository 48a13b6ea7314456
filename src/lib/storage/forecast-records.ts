/**
 * What the broadcast page keeps in IndexedDB (schema version 3, see db.ts): the template library and
 * saved forecasts. A forecast is stored in two parts, like a run: its summary (listed beside the
 * saved runs) and its result (read only when it is opened).
 */
import type { RegimeId } from '$lib/domain/regimes';
import type { Scenario, TemplateCategory } from '$lib/domain/scenario';
import type { MessageTemplate } from '$lib/domain/templates';
import type { Micros } from '$lib/domain/units';
import type { BroadcastResult } from '$lib/engine/forecast/broadcast-run';
import type { PlanRanges } from '$lib/engine/forecast/monte-carlo';
import type { BroadcastPlan } from '$lib/engine/forecast/plan';
import type { SendSchedule } from '$lib/engine/forecast/send-schedule';

/** A template as stored: its name lower-cased too (the index behind sorting). */
export interface TemplateRecord extends MessageTemplate {
	nameLower: string;
}

export type ForecastAudience =
	| {
			kind: 'file';
			fileName: string;
			fileSize: number;
			/** Column names as in the file's header. */
			columns: { phone: string; lastMessage: string | null; freeEntryPoint: string | null };
	  }
	| { kind: 'plan'; plan: BroadcastPlan };

/** Everything a forecast was computed from. */
export interface ForecastInputs {
	category: TemplateCategory;
	template: { id: string; name: string; language: string } | null;
	audience: ForecastAudience;
	schedule: SendSchedule;
	timezone: string;
	/** Pinned regime; null: each send under the regime in force at its time. */
	regime: RegimeId | null;
	currency: string;
	account?: Scenario['account'];
	/** The provider's price on top of Meta's: a mark-up in percent and a fee per delivered message. */
	provider: { markupPercent: number; feePerMessage: string } | null;
	compare: boolean;
}

/** A saved forecast's summary: one row of `forecasts`. */
export interface ForecastSummary {
	id: string;
	name: string;
	nameLower: string;
	inputs: ForecastInputs;
	/** Regimes the forecast asked for priced its sends under. */
	regimes: RegimeId[];
	/** Ids of the rate cards read, e.g. ["2026-10-01-USD"]. */
	cardIds: string[];
	currency: string;
	/** Meta's charges, the forecast asked for. */
	total: Micros;
	/** Rows or planned recipients (invalid rows included). */
	recipients: number;
	rateDataVersion: string;
	appVersion: string;
	createdAt: number;
	updatedAt: number;
}

/** The result of a saved forecast: one row of `forecastResults` (same id). */
export interface ForecastResultRecord {
	id: string;
	result: BroadcastResult;
	ranges: PlanRanges | null;
}

export interface StoredForecast extends ForecastSummary {
	result: BroadcastResult;
	ranges: PlanRanges | null;
}
