/**
 * The pricing rules, stated once (pricing-rules.md §1, §2, §6, summarised in §7): an ordered table of
 * rows, each with its reason code, outcome, the condition on the facts at the message, what the
 * engine does (its effect) and the sentence that explains it. The first row whose condition holds
 * decides. Both engines read this table: the chat machine has one named guard per row (so an
 * inspector still shows every rule), and the bulk kernel walks the same rows over its compact state.
 * Reason codes, outcomes and explanations elsewhere are derived from here.
 *
 * To change a rule, change its row: e.g. remove 'pmp-2025-07' from `utility_in_service_window`'s
 * `regimes` and utility templates in the window are charged under July 2025 rules, in both engines,
 * with the reason text that goes with it.
 */
import { formatLocal } from '$lib/domain/format';
import {
	CBP_FREE_SERVICE_CONVERSATIONS,
	PMP_FREE_SERVICE_MESSAGES,
	type Regime,
	type RegimeId
} from '$lib/domain/regimes';
import type { ConversationCategory } from '$lib/domain/scenario';
import { formatAmount, type EpochMs, type Micros } from '$lib/domain/units';
import type { RateCategory, Confidence } from '$lib/domain/rate-card';

export type Outcome = 'received' | 'charged' | 'included' | 'free' | 'blocked' | 'failed';

/** What is true when a business message is sent: each engine computes these from its own state. */
export interface MessageFacts {
	regime: Regime;
	/** A free-form (non-template) message; its category is then 'service'. */
	freeForm: boolean;
	category: ConversationCategory;
	delivered: boolean;
	serviceWindowOpen: boolean;
	freeEntryPointOpen: boolean;
	/** A customer came from an ad or Page button less than 24 h ago and no reply has opened the free entry point yet. */
	freeEntryPointOffered: boolean;
	/** The recipient has a US number and the date is in Meta's US marketing pause (§2.7). */
	usMarketingPaused: boolean;
	/** Conversation-based pricing: the category of the open conversation this message would ride on. */
	rideable: ConversationCategory | null;
	/** A unit of the regime's free service tier is left this month (and the tier is switched on). */
	freeTierLeft: boolean;
	/** A utility conversation opened before per-message pricing is still open (§2.2 transition). */
	utilityConversationOpen: boolean;
}

/**
 * What the engine does once a row decides: `none` records the decision only; the others also say
 * which window or conversation the message belongs to, open one, use the free tier or charge a rate.
 */
export type Effect =
	| 'none'
	| 'inFreeEntryPoint'
	| 'openFreeEntryPoint'
	| 'ride'
	| 'openFreeConversation'
	| 'openFreeTierConversation'
	| 'openChargedConversation'
	| 'inServiceWindow'
	| 'useMessageFreeTier'
	| 'chargeService'
	| 'rideSpanningUtility'
	| 'chargeTemplate';

/** The facts a reason sentence is worded from (after the engine decided). */
export interface ReasonFacts {
	category: string | null;
	regime: Regime;
	until: EpochMs | null;
	freeTierUsed: number | null;
	charge: Micros;
	rate: {
		category: RateCategory;
		cardId: string;
		confidence: Confidence;
		carriedForward: boolean;
		beforeEffective: boolean;
	} | null;
	unpriced: boolean;
	noRateReason: string | null;
	currency: string;
	timezone: string;
	/** Category of the conversation the message opened or rode on, if any. */
	conversationCategory?: string | null;
}

interface RuleBase<Code extends string> {
	code: Code;
	outcome: Outcome;
	/** In one sentence, the rule; shown where the rules are listed. */
	rule: string;
	explain: (f: ReasonFacts) => string;
}

/** A rule for a business message (template or free-form). */
export interface MessageRule<Code extends string = string> extends RuleBase<Code> {
	/** Only under these regimes; absent: any regime that the condition allows. */
	regimes?: readonly RegimeId[];
	when: (f: MessageFacts) => boolean;
	effect: Effect;
}

const until = (f: ReasonFacts) => (f.until === null ? '' : formatLocal(f.until, f.timezone));

/** "0.0411 USD", with the card caveats, or "— no rate known (…)". */
export function priceText(f: ReasonFacts): string {
	if (f.unpriced) return `— no rate known (${f.noRateReason ?? 'no value on any card'})`;
	const suffix = f.rate?.beforeEffective
		? `, from the ${f.rate.cardId} card applied before it took effect (what-if)`
		: f.rate?.carriedForward
			? `, rate carried forward from the ${f.rate.cardId} card`
			: '';
	const intl =
		f.rate?.category === 'authentication_international' ? ' (authentication-international rate)' : '';
	return `${formatAmount(f.charge)} ${f.currency}${intl}${suffix}`;
}

const CBP = (f: MessageFacts) => f.regime.model === 'CBP';
const PMP = (f: MessageFacts) => f.regime.model === 'PMP';

/** Customer messages: no price, but they open and restart the windows (§1.5, §1.6). */
export const CUSTOMER_RULES = [
	{
		code: 'received',
		outcome: 'received',
		rule: 'A customer message opens the 24-hour customer service window, or restarts it.',
		explain: (f) =>
			`Customer message: the customer service window is open until ${until(f)}; free-form replies are allowed until then.`
	},
	{
		code: 'received_entry_point',
		outcome: 'received',
		rule: 'A customer message from a click-to-WhatsApp ad or Page button also offers a free entry point for 24 hours.',
		explain: (f) =>
			`Customer message from a click-to-WhatsApp ad or Page button: the customer service window is open until ${until(f)}; a reply before then opens a 72-hour free entry point.`
	}
] as const satisfies readonly RuleBase<string>[];

/** Business messages, in order: the first row whose condition holds decides. */
export const MESSAGE_RULES = [
	{
		code: 'blocked_outside_window',
		outcome: 'blocked',
		rule: 'A free-form message needs an open customer service window (API error 131047).',
		when: (f) => f.freeForm && !f.serviceWindowOpen,
		effect: 'none',
		explain: () =>
			'Blocked: free-form messages need an open customer service window (24 h from the customer’s last message). Only a template can be sent now (API error 131047).'
	},
	{
		code: 'not_delivered',
		outcome: 'failed',
		rule: 'Only delivered messages are charged.',
		when: (f) => !f.delivered,
		effect: 'none',
		explain: () => 'Not delivered, so not charged: charges apply only to delivered messages.'
	},
	{
		code: 'us_marketing_paused',
		outcome: 'failed',
		rule: 'Marketing templates to US numbers are not delivered from 1 Apr 2025 (error 131049).',
		when: (f) => !f.freeForm && f.category === 'marketing' && f.usMarketingPaused,
		effect: 'none',
		explain: () =>
			'Failed: WhatsApp does not deliver marketing templates to United States numbers since 1 Apr 2025 (error 131049); not charged.'
	},
	{
		code: 'in_free_entry_point',
		outcome: 'free',
		rule: 'Every message inside an open 72-hour free entry point is free.',
		when: (f) => f.freeEntryPointOpen,
		effect: 'inFreeEntryPoint',
		explain: (f) => `Free: inside the free entry point window, open until ${until(f)}.`
	},
	{
		code: 'free_entry_point_opened',
		outcome: 'free',
		rule: 'A reply within 24 h of an ad or Page-button message opens a free entry point (72 h) and closes open conversations.',
		when: (f) => f.freeEntryPointOffered,
		effect: 'openFreeEntryPoint',
		explain: (f) =>
			`Free: this reply within 24 h of an ad or Page-button message opened a free entry point; everything is free until ${until(f)}.`
	},
	// Conversation-based pricing (§1.3–§1.7): at most one open conversation per category.
	{
		code: 'in_open_conversation',
		outcome: 'included',
		rule: 'A template rides on the open conversation of its category; a free-form message on an open service conversation.',
		when: (f) => CBP(f) && f.rideable !== null && (!f.freeForm || f.rideable === 'service'),
		effect: 'ride',
		explain: (f) =>
			`No extra charge: rides on the open ${f.conversationCategory ?? f.category ?? ''} conversation, until ${until(f)}.`
	},
	{
		code: 'free_form_in_open_conversation',
		outcome: 'included',
		rule: 'A free-form message while any other conversation is open rides on it (the oldest).',
		when: (f) => CBP(f) && f.freeForm && f.rideable !== null,
		effect: 'ride',
		explain: (f) =>
			`No extra charge: rides on the open ${f.conversationCategory ?? f.category ?? ''} conversation (open until ${until(f)}); a free-form message while any conversation is open opens no new one.`
	},
	{
		code: 'service_conversation_free',
		outcome: 'free',
		rule: 'Service conversations are free from 1 Nov 2024.',
		regimes: ['cbp-2024-11'],
		when: (f) => CBP(f) && f.freeForm,
		effect: 'openFreeConversation',
		explain: (f) =>
			`Free: opened a service conversation until ${until(f)}; service conversations are free since 1 Nov 2024.`
	},
	{
		code: 'service_free_tier',
		outcome: 'free',
		rule: `The first ${CBP_FREE_SERVICE_CONVERSATIONS.toLocaleString('en-US')} service conversations each month are free.`,
		when: (f) => CBP(f) && f.freeForm && f.freeTierLeft,
		effect: 'openFreeTierConversation',
		explain: (f) =>
			`Free: opened a service conversation until ${until(f)}, covered by the free tier (${f.freeTierUsed} of ${CBP_FREE_SERVICE_CONVERSATIONS} free service conversations used this month).`
	},
	{
		code: 'conversation_opened',
		outcome: 'charged',
		rule: 'Otherwise a message opens a charged 24-hour conversation of its category.',
		when: CBP,
		effect: 'openChargedConversation',
		explain: (f) => {
			const cat = f.category ?? '';
			const tierUsedUp =
				cat === 'service' && f.regime.model === 'CBP'
					? ` The month's ${CBP_FREE_SERVICE_CONVERSATIONS} free service conversations are used up.`
					: '';
			return `Charged ${priceText(f)}: no ${cat} conversation was open, so this opened one, lasting until ${until(f)}.${tierUsedUp}`;
		}
	},
	// Per-message pricing (§2.2, §2.6).
	{
		code: 'service_message_free',
		outcome: 'free',
		rule: 'Free-form messages inside the customer service window are free.',
		regimes: ['pmp-2025-07'],
		when: (f) => PMP(f) && f.freeForm,
		effect: 'inServiceWindow',
		explain: (f) =>
			`Free: free-form messages inside the customer service window (until ${until(f)}) are free under ${f.regime.label}.`
	},
	{
		code: 'service_message_free_tier',
		outcome: 'free',
		rule: `The first ${PMP_FREE_SERVICE_MESSAGES.toLocaleString('en-US')} service messages a month are free (UNCONFIRMED, a setting).`,
		when: (f) => PMP(f) && f.freeForm && f.freeTierLeft,
		effect: 'useMessageFreeTier',
		explain: (f) =>
			`Free: covered by the free tier (${f.freeTierUsed} of ${PMP_FREE_SERVICE_MESSAGES} free service messages used this month; a tier Meta's own page does not confirm).`
	},
	{
		code: 'service_message_charged',
		outcome: 'charged',
		rule: 'Service messages are charged per message from 1 Oct 2026.',
		when: (f) => PMP(f) && f.freeForm,
		effect: 'chargeService',
		explain: (f) =>
			`Charged ${priceText(f)}: service messages are charged per message since 1 Oct 2026, at the market's ${
				f.rate?.category === 'utility'
					? 'utility rate (Meta sets service equal to utility; this card lists no service rate)'
					: 'service rate'
			}.`
	},
	{
		code: 'utility_in_spanning_conversation',
		outcome: 'included',
		rule: 'A utility conversation opened before 1 Jul 2025 carries later utility templates until it closes.',
		when: (f) => PMP(f) && f.category === 'utility' && f.utilityConversationOpen,
		effect: 'rideSpanningUtility',
		explain: (f) =>
			`No charge: the utility conversation opened before per-message pricing is still open (until ${until(f)}); Meta attributes this template to it.`
	},
	{
		code: 'utility_in_service_window',
		outcome: 'free',
		rule: 'A utility template inside the open customer service window is free.',
		regimes: ['pmp-2025-07'],
		when: (f) => PMP(f) && f.category === 'utility' && f.serviceWindowOpen,
		effect: 'inServiceWindow',
		explain: (f) =>
			`Free: a utility template inside the open customer service window (until ${until(f)}) is free under ${f.regime.label}.`
	},
	{
		code: 'template_charged',
		outcome: 'charged',
		rule: 'Every other delivered template is charged per message.',
		when: PMP,
		effect: 'chargeTemplate',
		explain: (f) =>
			`Charged ${priceText(f)}: every delivered ${f.category ?? ''} template is charged under per-message pricing.`
	}
] as const satisfies readonly MessageRule<string>[];

export type MessageRuleCode = (typeof MESSAGE_RULES)[number]['code'];
export type ReasonCode = (typeof CUSTOMER_RULES)[number]['code'] | MessageRuleCode;

/** Every reason code, customer ones first, then the message rows in order. */
export const REASON_CODES: readonly ReasonCode[] = [
	...CUSTOMER_RULES.map((r) => r.code),
	...MESSAGE_RULES.map((r) => r.code)
];

const ALL: readonly RuleBase<ReasonCode>[] = [...CUSTOMER_RULES, ...MESSAGE_RULES];
const BY_CODE = new Map(ALL.map((r) => [r.code, r]));

export const outcomeOf = (code: ReasonCode): Outcome => (BY_CODE.get(code) as RuleBase<ReasonCode>).outcome;

/** The sentence behind an outcome, worded by the row that decided it. */
export const explain = (code: ReasonCode, f: ReasonFacts): string =>
	(BY_CODE.get(code) as RuleBase<ReasonCode>).explain(f);

/** Whether a row's regime restriction lets it apply under `regime`. */
export const ruleAppliesIn = (rule: MessageRule, regime: RegimeId): boolean =>
	rule.regimes === undefined || rule.regimes.includes(regime);

/** Under which regimes a row can decide: what the rates page's notes read. */
export const rowAppliesIn = (code: MessageRuleCode, regime: RegimeId): boolean =>
	ruleAppliesIn(MESSAGE_RULES.find((r) => r.code === code) as MessageRule, regime);

/** A row's rule in one sentence (the rates page's notes). */
export const ruleText = (code: MessageRuleCode): string =>
	(MESSAGE_RULES.find((r) => r.code === code) as MessageRule).rule;

/** Whether service (free-form) messages are free by rule under a regime, whatever a card says. */
export const serviceFreeIn = (regime: Regime): boolean =>
	regime.model === 'CBP'
		? rowAppliesIn('service_conversation_free', regime.id)
		: rowAppliesIn('service_message_free', regime.id);

const rowsByRegime = new WeakMap<readonly MessageRule[], Map<RegimeId, readonly MessageRule[]>>();

/** The rows of a table that can decide under a regime, in order (cached): the bulk paths' loop. */
export function rowsFor<R extends MessageRule>(rules: readonly R[], regime: RegimeId): readonly R[] {
	let byRegime = rowsByRegime.get(rules);
	if (!byRegime) rowsByRegime.set(rules, (byRegime = new Map()));
	let rows = byRegime.get(regime);
	if (!rows) byRegime.set(regime, (rows = rules.filter((r) => ruleAppliesIn(r, regime))));
	return rows as readonly R[];
}

/** The first row whose condition holds, among rows already filtered by regime (see rowsFor). */
export function firstThatHolds<R extends MessageRule>(rows: readonly R[], f: MessageFacts): R {
	for (let i = 0; i < rows.length; i++) if ((rows[i] as R).when(f)) return rows[i] as R;
	throw new Error('pricing rules: no row decided (the last row of each model must always hold)');
}
