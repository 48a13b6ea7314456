/** Words the UI uses for outcomes, categories and events, in one place so every panel says the same. */
import type { ConversationCategory, ScenarioEvent } from '$lib/domain/scenario';
import type { LedgerConversation, LedgerMessage, Outcome, WindowKind } from '$lib/engine/ledger';
import type { Confidence } from '$lib/domain/rate-card';

export const OUTCOME_LABEL: Record<Outcome, string> = {
	received: 'Received',
	charged: 'Charged',
	included: 'Included',
	free: 'Free',
	blocked: 'Blocked',
	failed: 'Not delivered'
};

export const CATEGORY_LABEL: Record<ConversationCategory, string> = {
	marketing: 'Marketing',
	utility: 'Utility',
	authentication: 'Authentication',
	service: 'Service'
};

export const WINDOW_LABEL: Record<WindowKind, string> = {
	customer_service: 'Customer service window',
	free_entry_point: 'Free entry point'
};

export const CONFIDENCE_LABEL: Record<Confidence, string> = {
	confirmed: 'confirmed',
	'single-source': 'single source',
	derived: 'derived',
	'user-supplied': 'user-supplied card'
};

/** "Customer message (click-to-WhatsApp ad)", "Agent free-form reply", "Marketing template". */
export function eventLabel(
	e: Pick<ScenarioEvent, 'type'> & Partial<{ entry_point: string; category: string }>
): string {
	if (e.type === 'customer_message') {
		if (e.entry_point === 'ctwa_ad') return 'Customer message (click-to-WhatsApp ad)';
		if (e.entry_point === 'page_cta') return 'Customer message (Page button)';
		return 'Customer message';
	}
	if (e.type === 'business_message') return 'Agent free-form reply';
	const cat = e.category as ConversationCategory | undefined;
	return `${cat ? CATEGORY_LABEL[cat] : ''} template`.trim();
}

/** The short name of a message in the list: who sent what. */
export const messageLabel = (m: LedgerMessage, event: ScenarioEvent | undefined): string =>
	event
		? eventLabel(event)
		: m.type === 'template'
			? `${CATEGORY_LABEL[m.category ?? 'marketing']} template`
			: m.type;

export const conversationLabel = (c: LedgerConversation): string =>
	`${CATEGORY_LABEL[c.category]} conversation`;
