/**
 * Meta's `pricing_analytics` export (Graph API JSON: data points with start, end, country,
 * pricing_type, pricing_category, tier, volume, cost), summed per category for the reconciliation's
 * totals. Read defensively: a point without numbers is skipped and counted.
 */
export interface AnalyticsTotals {
	/** category (lower case, as the webhooks spell it) → billed volume and cost (in the export's currency units). */
	byCategory: Record<string, { volume: number; cost: number }>;
	volume: number;
	cost: number;
	points: number;
	skipped: number;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** Data points wherever they sit: `pricing_analytics.data[].data_points[]`, `data[].data_points[]` or a bare array. */
function* points(x: unknown): Generator<Record<string, unknown>> {
	if (Array.isArray(x)) for (const v of x) yield* points(v);
	else if (isObject(x)) {
		if ('data_points' in x) yield* points(x.data_points);
		else if ('pricing_analytics' in x) yield* points(x.pricing_analytics);
		else if ('data' in x) yield* points(x.data);
		else if ('volume' in x || 'cost' in x) yield x;
	}
}

export function analyticsTotals(json: unknown): AnalyticsTotals {
	const t: AnalyticsTotals = { byCategory: {}, volume: 0, cost: 0, points: 0, skipped: 0 };
	for (const p of points(json)) {
		const volume = Number(p.volume);
		const cost = Number(p.cost ?? 0);
		if (!Number.isFinite(volume) || !Number.isFinite(cost)) {
			t.skipped++;
			continue;
		}
		const category = String(p.pricing_category ?? 'unknown').toLowerCase();
		const c = (t.byCategory[category] ??= { volume: 0, cost: 0 });
		c.volume += volume;
		c.cost += cost;
		t.volume += volume;
		t.cost += cost;
		t.points++;
	}
	return t;
}
