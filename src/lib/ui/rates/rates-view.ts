/**
 * What the rates page shows for a market, date and pricing model: one row per category with the
 * card value or the rule that replaces it, the notes a reader needs next to it, and the words for
 * confidence levels and models. Pure functions, so the page and the tests read the same answers.
 */
import {
	lookupRate,
	RATE_CATEGORIES,
	type Confidence,
	type PricingModel,
	type RateCardData,
	type RateCategory,
	type RateFound
} from '$lib/domain/rate-card';
import {
	AUTH_INTERNATIONAL_FROM,
	REGIMES,
	regimeOnDate,
	US_MARKETING_PAUSE_FROM,
	type Regime
} from '$lib/domain/regimes';

export const CATEGORY_NAME: Record<RateCategory, string> = {
	marketing: 'Marketing',
	utility: 'Utility',
	authentication: 'Authentication',
	authentication_international: 'Authentication-international',
	service: 'Service'
};

/** rate-cards/README.md defines the three levels; 'user-supplied' marks an imported card. */
export const CONFIDENCE_TEXT: Record<Confidence, { label: string; help: string }> = {
	confirmed: {
		label: 'Confirmed',
		help: "Two independent sources agree, or Meta's own page states it."
	},
	'single-source': {
		label: 'Single source',
		help: 'Only one third-party source gives this figure.'
	},
	derived: {
		label: 'Derived',
		help: "Computed from other figures, e.g. a provider's price ÷ 1.2, or a later card carried back with Meta's change log."
	},
	'user-supplied': {
		label: 'Your card',
		help: "From a rate card you imported; not checked against Meta's."
	}
};

export const MODEL_UNIT: Record<PricingModel, string> = {
	CBP: 'per conversation',
	PMP: 'per delivered message'
};

export const MODEL_NAME: Record<PricingModel, string> = {
	CBP: 'Per conversation (CBP cards)',
	PMP: 'Per message (PMP cards)'
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-24" → "24 Nov 2026", from the digits (no Date, so no time zone can shift the day). */
export function formatDay(date: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) return date;
	return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export const isIsoDate = (s: string): boolean =>
	/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export interface RuleRegime {
	/** The regime whose rules apply to cards of the chosen model on the date. */
	regime: Regime;
	/** False when the chosen model is not the one in force that day (shown for comparison). */
	inForce: boolean;
}

/**
 * The rules that go with a model on a date. When the model in force is the other one, the nearest
 * regime of the chosen model applies: the last conversation-based one after July 2025, the first
 * per-message one before it.
 */
export function ruleRegime(date: string, model: PricingModel): RuleRegime {
	const current = regimeOnDate(date);
	if (current.model === model) return { regime: current, inForce: true };
	const ofModel = REGIMES.filter((r) => r.model === model);
	const regime = (model === 'CBP' ? ofModel[ofModel.length - 1] : ofModel[0]) ?? current;
	return { regime, inForce: false };
}

export type RowPrice =
	{ kind: 'rate'; found: RateFound } | { kind: 'free'; rule: string } | { kind: 'none'; reason: string };

export interface CategoryRow {
	category: RateCategory;
	price: RowPrice;
	/** Service priced with the utility row (pmp-2026-10 rule), not a service row of its own. */
	fromUtility: boolean;
	notes: string[];
}

export interface RowQuery {
	market: string;
	date: string;
	model: PricingModel;
	/** Recipient country, for the US marketing pause; null when only a market name is known. */
	iso2: string | null;
	/** Default 'USD'. */
	currency?: string;
	cards?: readonly RateCardData[];
}

function servicePrice(q: RowQuery, regime: Regime): Pick<CategoryRow, 'price' | 'fromUtility' | 'notes'> {
	if (regime.service === 'free')
		return {
			price: { kind: 'free', rule: `Free by rule under ${regime.id}, not by a rate` },
			fromUtility: false,
			notes: [
				regime.model === 'CBP'
					? 'Every service conversation is free from 1 Nov 2024; a card value, if any, is not used.'
					: 'Non-template messages inside the customer service window are free; a card value, if any, is not used.'
			]
		};
	const own = lookupRate({ ...q, category: 'service' });
	if (regime.service === 'conversation-with-free-tier')
		return {
			price: own.ok ? { kind: 'rate', found: own } : { kind: 'none', reason: own.reason },
			fromUtility: false,
			notes: ['The first 1,000 service conversations per account each month are free.']
		};
	const freeTier =
		'1,000 free service messages per phone number a month (quoted by third parties, unconfirmed).';
	if (own.ok) return { price: { kind: 'rate', found: own }, fromUtility: false, notes: [freeTier] };
	const utility = lookupRate({ ...q, category: 'utility' });
	return {
		price: utility.ok ? { kind: 'rate', found: utility } : { kind: 'none', reason: utility.reason },
		fromUtility: true,
		notes: [`No service row: under ${regime.id} the service rate equals the market's utility rate.`, freeTier]
	};
}

function categoryNotes(category: RateCategory, q: RowQuery, regime: Regime): string[] {
	if (category === 'marketing' && q.iso2 === 'US' && q.date >= US_MARKETING_PAUSE_FROM)
		return [
			`Meta has not delivered marketing templates to US numbers since ${formatDay(US_MARKETING_PAUSE_FROM)}: undelivered, so not charged.`
		];
	if (category === 'utility' && regime.utilityFreeInServiceWindow)
		return ['Free when delivered inside an open customer service window.'];
	if (category === 'authentication_international') {
		const from = AUTH_INTERNATIONAL_FROM[q.market];
		const who = 'Only for eligible businesses whose primary location is outside the recipient’s country';
		if (!from) return [`${who}; ${q.market} is not an authentication-international market.`];
		return [`${who}; applies in ${q.market} from ${formatDay(from)}.`];
	}
	return [];
}

/** The table's rows, in RATE_CATEGORIES order: a card value, a rule, or "no rate known" with its reason. */
export function categoryRows(q: RowQuery): CategoryRow[] {
	const { regime } = ruleRegime(q.date, q.model);
	return RATE_CATEGORIES.map((category) => {
		const notes = categoryNotes(category, q, regime);
		if (category === 'service') {
			const s = servicePrice(q, regime);
			return { category, ...s, notes: [...s.notes, ...notes] };
		}
		const found = lookupRate({ ...q, category });
		const price: RowPrice = found.ok ? { kind: 'rate', found } : { kind: 'none', reason: found.reason };
		return { category, price, fromUtility: false, notes };
	});
}
