/**
 * Builds the column ledger (ledger-columns.ts) on the bulk path: the kernel decides, then one pass
 * turns the decisions into columns with the same facts and summary `materialize` uses — but no
 * reason sentences, which the page words only for the rows it shows. Runs in the pricing worker.
 */
import type { RegimeId } from '$lib/domain/regimes';
import { timedEvents, type ConversationCategory, type Scenario, type TimedEvent } from '$lib/domain/scenario';
import type { Micros } from '$lib/domain/units';
import { applyAdjustments } from './adjustments';
import { ledgerOfColumns } from './column-ledger';
import { encodeEvents, kernelDecision, runKernel, type KernelOutput } from './kernel';
import { emptyTotals, type LedgerConversation, type LedgerWindow, type RateRef } from './ledger';
import {
	MESSAGE_CATEGORIES,
	MESSAGE_TYPES,
	NONE,
	NONE_U8,
	type LedgerColumns,
	type MessageColumns,
	type SnapshotColumns,
	type TierShape
} from './ledger-columns';
import { ledgerSummary, messageCategory, messageFacts } from './materialize';
import { PricingContext, type DayInfo } from './pricing-context';
import type { Regime } from '$lib/domain/regimes';
import type { TierDecision } from './volume-tier-counter';
import { MESSAGE_RULES } from './rules';
import { ColumnSnapshotRecorder } from './snapshot-columns';

/** Interns values by a key: the index of each distinct one. */
class Table<T> {
	readonly values: T[] = [];
	private readonly index = new Map<string, number>();
	of(key: string, value: () => T): number {
		let i = this.index.get(key);
		if (i === undefined) {
			i = this.values.length;
			this.values.push(value());
			this.index.set(key, i);
		}
		return i;
	}
}

/** What makes two tier decisions alike but for their count (the rest follows from table and tier). */
const tierKey = (t: TierDecision) =>
	t.known
		? `k|${t.market}|${t.category}|${t.tableId}|${t.number}|${t.from}|${t.to}`
		: `u|${t.market}|${t.category}|${t.why}`;

const rateKey = (r: RateRef) =>
	`${r.market}|${r.category}|${r.cardId}|${r.confidence}|${r.carriedForward}|${r.beforeEffective}|${r.source}`;

/** The bulk path's ledger as columns: timed events, the kernel, then one pass over the decisions. */
export function kernelColumns(
	scenario: Scenario,
	events: readonly TimedEvent[] = timedEvents(scenario)
): LedgerColumns {
	const ctx = new PricingContext(scenario);
	const out = runKernel(
		encodeEvents(events),
		ctx,
		MESSAGE_RULES,
		(windows, conversations) =>
			new ColumnSnapshotRecorder(ctx.inclusiveEnd, windows, conversations, events.length)
	);
	return columnsOf(scenario, events, out, out.recorder.finish(), ctx);
}

function columnsOf(
	scenario: Scenario,
	events: readonly TimedEvent[],
	out: KernelOutput,
	snapshots: SnapshotColumns,
	ctx: PricingContext
): LedgerColumns {
	const n = events.length;
	const m: MessageColumns = {
		at: new Float64Array(n),
		type: new Uint8Array(n),
		category: new Uint8Array(n),
		code: new Uint8Array(n),
		charge: new Float64Array(n),
		regime: new Uint8Array(n),
		market: new Uint16Array(n),
		conversation: new Int32Array(n),
		rate: new Int32Array(n),
		noRateReason: new Int32Array(n),
		unpriced: new Uint8Array(n),
		until: new Float64Array(n),
		freeTierUsed: new Int32Array(n),
		providerCharge: new Float64Array(n),
		tier: new Int32Array(n),
		tierCount: new Int32Array(n)
	};
	const regimes = new Table<RegimeId>();
	const markets = new Table<string>();
	const rates = new Table<RateRef>();
	const texts = new Table<string>();
	const tiers = new Table<TierShape>();
	const totals = emptyTotals();
	let total = 0;
	const counts = { regimes: new Set<RegimeId>(), unpriced: 0, unknownTiers: 0 };
	const order = new Int32Array(n);
	// A message's market and rate depend on its day, rate category and regime only: worked out once
	// per such triple (messageFacts, as the object ledger does), not once per message.
	const facts = new Map<DayInfo, Map<number, { market: number; rate: number; noRate: number }>>();
	let lastRegime: Regime | undefined;
	let regimeIndex = 0;
	for (let i = 0; i < n; i++) {
		const te = events[i] as TimedEvent;
		const j = te.index;
		order[i] = j;
		const regime = out.regime[i] as Regime;
		if (regime !== lastRegime) {
			lastRegime = regime;
			regimeIndex = regimes.of(regime.id, () => regime.id);
			counts.regimes.add(regime.id);
		}
		const rc = out.rateCategory[i] as number;
		const day = ctx.dayAt(te.t);
		let byDay = facts.get(day);
		if (!byDay) facts.set(day, (byDay = new Map()));
		let f = byDay.get(rc * 16 + regimeIndex);
		if (!f) {
			const mf = messageFacts(te, kernelDecision(out, i), ctx);
			f = {
				market: markets.of(mf.market, () => mf.market),
				rate: mf.rate ? rates.of(rateKey(mf.rate), () => mf.rate as RateRef) : NONE,
				noRate: mf.noRateReason === null ? NONE : texts.of(mf.noRateReason, () => mf.noRateReason as string)
			};
			byDay.set(rc * 16 + regimeIndex, f);
		}
		const category = messageCategory(te.event);
		const charge = out.charge[i] as number;
		m.at[j] = te.t;
		m.type[j] = MESSAGE_TYPES.indexOf(te.event.type);
		m.category[j] = category === null ? NONE_U8 : MESSAGE_CATEGORIES.indexOf(category);
		m.code[j] = out.code[i] as number;
		m.charge[j] = charge;
		m.regime[j] = regimeIndex;
		m.market[j] = f.market;
		// The kernel's "none" is ours: -1 for ids and counts, NaN for instants.
		m.conversation[j] = out.conversation[i] as number;
		m.rate[j] = f.rate;
		m.noRateReason[j] = f.noRate;
		m.unpriced[j] = out.unpriced[i] as number;
		m.until[j] = out.until[i] as number;
		m.freeTierUsed[j] = out.freeTierUsed[i] as number;
		const tier = out.tier[i];
		if (tier) {
			m.tier[j] = tiers.of(tierKey(tier), () => {
				const { count: _, ...shape } = tier;
				return shape;
			});
			m.tierCount[j] = tier.count;
			if (!tier.known) counts.unknownTiers++;
		} else m.tier[j] = NONE;
		if (category && charge)
			totals[category as ConversationCategory] = (totals[category as ConversationCategory] +
				charge) as Micros;
		total += charge;
		if (out.unpriced[i]) counts.unpriced++;
	}
	const cols: LedgerColumns = {
		length: n,
		order,
		messages: m,
		snapshots,
		regimeIds: regimes.values,
		markets: markets.values,
		rates: rates.values,
		texts: texts.values,
		tiers: tiers.values,
		summary: {
			...ledgerSummary(scenario, ctx, events[0], counts),
			conversations: out.conversations as LedgerConversation[],
			windows: out.windows as LedgerWindow[],
			total: total as Micros,
			totalsByCategory: totals,
			provider: null
		}
	};
	// The provider's price list writes each message's provider charge through the column view.
	if (scenario.adjustments) {
		const view = ledgerOfColumns(cols);
		applyAdjustments(view, scenario.adjustments);
		cols.summary.provider = view.provider;
	}
	return cols;
}
