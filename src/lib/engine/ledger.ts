/**
 * The ledger: what a replay returns (DESIGN.md "The ledger"). Every message with its outcome, charge
 * and reason; every conversation and window with its open and close time; totals; and the snapshots
 * that `stateAt` looks up while the playhead is scrubbed.
 */
import type { RateCategory, Confidence } from '$lib/domain/rate-card';
import type { RegimeId } from '$lib/domain/regimes';
import type { ConversationCategory, TemplateCategory } from '$lib/domain/scenario';
import type { EpochMs, Micros } from '$lib/domain/units';
import type { TierDecision } from './volume-tier-counter';

export type { Outcome, ReasonCode } from './rules';
import type { Outcome, ReasonCode } from './rules';
export const OUTCOMES: readonly Outcome[] = ['received', 'charged', 'included', 'free', 'blocked', 'failed'];

/** The provider's price list applied on top of Meta's charges (see adjustments.ts). */
export interface ProviderSummary {
	label: string;
	markupPercent: number;
	markup: Micros;
	messageFees: Micros;
	conversationFees: Micros;
	/** The provider's part alone. */
	total: Micros;
	/** Meta's charges plus the provider's part. */
	grandTotal: Micros;
	/** Per-conversation fees apply to conversation-based pricing only. */
	note: string | null;
}

export interface RateRef {
	market: string;
	category: RateCategory;
	cardId: string;
	confidence: Confidence;
	source: string;
	carriedForward: boolean;
	beforeEffective: boolean;
}

export interface LedgerMessage {
	event: number;
	at: EpochMs;
	type: 'customer_message' | 'business_message' | 'template';
	/** Template category; 'service' for a business free-form message; null for a customer's message. */
	category: TemplateCategory | 'service' | null;
	outcome: Outcome;
	charge: Micros;
	code: ReasonCode;
	reason: string;
	regime: RegimeId;
	market: string;
	/** Conversation this message opened or rode on (conversation-based regimes). */
	conversation: number | null;
	/** The rate the charge used; null when nothing was charged or no rate is known. */
	rate: RateRef | null;
	/** True when a charge was due but no rate is known: shown as "no rate known", never a silent zero. */
	unpriced: boolean;
	/** The instant the reason refers to (a window's or conversation's end), if any. */
	until: EpochMs | null;
	/** Free-tier units used this month after this message, for free-tier reasons. */
	freeTierUsed: number | null;
	/** The provider's own charge on this message (mark-up and fees), apart from Meta's. */
	providerCharge: Micros;
	/** The volume-tier sentence of this charge (per-message utility/authentication), if any. */
	volumeTier: string | null;
	/** The volume tier the charge fell in, or why it is unknown; null when no tiers apply. */
	tier: TierDecision | null;
}

export interface LedgerConversation {
	id: number;
	category: ConversationCategory;
	openedAt: EpochMs;
	/** 24 h after opening. */
	expiresAt: EpochMs;
	/** Set when a free entry point closed it before it expired (Meta, §1.6). */
	closedAt: EpochMs | null;
	charge: Micros;
	openedBy: number;
	regime: RegimeId;
}

export type WindowKind = 'customer_service' | 'free_entry_point';

export interface LedgerWindow {
	id: number;
	kind: WindowKind;
	openedAt: EpochMs;
	expiresAt: EpochMs;
	/** Customer service windows restart their 24 h on every customer message. */
	lastResetAt: EpochMs;
	openedBy: number;
}

export interface Ledger {
	/** The one regime used, or 'mixed' when messages fell under several. */
	regime: RegimeId | 'mixed';
	regimes: RegimeId[];
	pinned: boolean;
	currency: string;
	market: string;
	timezone: string;
	messages: LedgerMessage[];
	conversations: LedgerConversation[];
	windows: LedgerWindow[];
	total: Micros;
	totalsByCategory: Record<ConversationCategory, Micros>;
	notes: string[];
	/** The provider's price list applied on top (scenario.adjustments), if any. */
	provider: ProviderSummary | null;
	/** What is true from each instant on until the next snapshot: the states `stateAt` looks up. */
	snapshots: LedgerSnapshot[];
}

/**
 * The chat's state from `at` until the next snapshot, taken from the machines after every event and
 * after every window end (an explicit time event), so scrubbing is a binary search, never a re-run.
 */
export interface LedgerSnapshot {
	at: EpochMs;
	/**
	 * The open customer service window as it stood then: its end moves with every customer message,
	 * so the snapshot keeps the end in force at that instant, not the window's final one.
	 */
	serviceWindow: { id: number; expiresAt: EpochMs; lastResetAt: EpochMs } | null;
	/** Id (into `windows`) of the open free entry point, if any (it never moves). */
	freeEntryPoint: number | null;
	/** Ids (into `conversations`) of the open conversations. */
	conversations: number[];
	/** Messages (in time order) at or before `at`. */
	messagesSoFar: number;
	total: Micros;
	totalsByCategory: Record<ConversationCategory, Micros>;
}

export const endOfConversation = (c: LedgerConversation): EpochMs => c.closedAt ?? c.expiresAt;

export function emptyTotals(): Record<ConversationCategory, Micros> {
	return { marketing: 0 as Micros, utility: 0 as Micros, authentication: 0 as Micros, service: 0 as Micros };
}
