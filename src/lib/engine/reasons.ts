/**
 * The sentence behind every outcome: which rule, which window, until when. Both engines record a
 * reason code plus facts; this one function words them, so the machines and the kernel can be
 * compared to the letter and the UI and the CLI say the same thing.
 */
import { formatLocal } from '$lib/domain/format';
import type { Regime } from '$lib/domain/regimes';
import { CBP_FREE_SERVICE_CONVERSATIONS, PMP_FREE_SERVICE_MESSAGES } from '$lib/domain/regimes';
import { formatMicros, type EpochMs, type Micros } from '$lib/domain/units';
import type { ReasonCode, RateRef } from './ledger';

export interface ReasonFacts {
	code: ReasonCode;
	category: string | null;
	regime: Regime;
	until: EpochMs | null;
	freeTierUsed: number | null;
	charge: Micros;
	rate: RateRef | null;
	unpriced: boolean;
	noRateReason: string | null;
	currency: string;
	timezone: string;
	/** Category of the conversation the message opened or rode on, if any. */
	conversationCategory?: string | null;
}

export function explain(f: ReasonFacts): string {
	const until = f.until === null ? '' : formatLocal(f.until, f.timezone);
	const cat = f.category ?? '';
	const price = priceText(f);
	switch (f.code) {
		case 'received':
			return `Customer message: the customer service window is open until ${until}; free-form replies are allowed until then.`;
		case 'received_entry_point':
			return `Customer message from a click-to-WhatsApp ad or Page button: the customer service window is open until ${until}; a reply before then opens a 72-hour free entry point.`;
		case 'blocked_outside_window':
			return 'Blocked: free-form messages need an open customer service window (24 h from the customer’s last message). Only a template can be sent now (API error 131047).';
		case 'not_delivered':
			return 'Not delivered, so not charged: charges apply only to delivered messages.';
		case 'us_marketing_paused':
			return 'Failed: WhatsApp does not deliver marketing templates to United States numbers since 1 Apr 2025 (error 131049); not charged.';
		case 'free_entry_point_opened':
			return `Free: this reply within 24 h of an ad or Page-button message opened a free entry point; everything is free until ${until}.`;
		case 'in_free_entry_point':
			return `Free: inside the free entry point window, open until ${until}.`;
		case 'conversation_opened':
			return `Charged ${price}: no ${cat} conversation was open, so this opened one, lasting until ${until}.${
				cat === 'service' && f.regime.service === 'conversation-with-free-tier'
					? ` The month's ${CBP_FREE_SERVICE_CONVERSATIONS} free service conversations are used up.`
					: ''
			}`;
		case 'in_open_conversation':
			return `No extra charge: rides on the open ${cat} conversation, until ${until}.`;
		case 'free_form_in_open_conversation':
			return `No extra charge: rides on the open ${f.conversationCategory ?? cat} conversation (open until ${until}); a free-form message while any conversation is open opens no new one.`;
		case 'service_free_tier':
			return `Free: opened a service conversation until ${until}, covered by the free tier (${f.freeTierUsed} of ${CBP_FREE_SERVICE_CONVERSATIONS} free service conversations used this month).`;
		case 'service_conversation_free':
			return `Free: opened a service conversation until ${until}; service conversations are free since 1 Nov 2024.`;
		case 'utility_in_spanning_conversation':
			return `No charge: the utility conversation opened before per-message pricing is still open (until ${until}); Meta attributes this template to it.`;
		case 'utility_in_service_window':
			return `Free: a utility template inside the open customer service window (until ${until}) is free under ${f.regime.label}.`;
		case 'template_charged':
			return `Charged ${price}: every delivered ${cat} template is charged under per-message pricing.`;
		case 'service_message_free':
			return `Free: free-form messages inside the customer service window (until ${until}) are free under ${f.regime.label}.`;
		case 'service_message_free_tier':
			return `Free: covered by the free tier (${f.freeTierUsed} of ${PMP_FREE_SERVICE_MESSAGES} free service messages used this month; a tier Meta's own page does not confirm).`;
		case 'service_message_charged':
			return `Charged ${price}: service messages are charged per message since 1 Oct 2026, at the market's ${
				f.rate?.category === 'utility'
					? 'utility rate (Meta sets service equal to utility; this card lists no service rate)'
					: 'service rate'
			}.`;
	}
}

function priceText(f: ReasonFacts): string {
	if (f.unpriced) return `— no rate known (${f.noRateReason ?? 'no value on any card'})`;
	const suffix = f.rate?.beforeEffective
		? `, from the ${f.rate.cardId} card applied before it took effect (what-if)`
		: f.rate?.carriedForward
			? `, rate carried forward from the ${f.rate.cardId} card`
			: '';
	const intl =
		f.rate?.category === 'authentication_international' ? ' (authentication-international rate)' : '';
	return `${formatMicros(f.charge)} ${f.currency}${intl}${suffix}`;
}
