/**
 * The lessons' fixed text, one caption per event of each use case as priced under June 2023 rules in
 * Indonesia. Each caption states its claim beside the words; lessons.test.ts checks both against
 * the ledger (amounts in the text, "charged", "refused", "no extra charge"), so a caption that
 * contradicts the engine fails the build rather than teaching something wrong.
 */
import type { Outcome } from '../ledger';

/** What a caption says, in a form a test compares with the ledger. */
export interface Claim {
	outcome: Outcome;
	/** Meta's charge, as the ledger writes it ("0.0411"). */
	charge?: string;
	/** Conversations (and free entry point) open right after the event. */
	open?: number;
	/** Whether free-form is allowed right after the event. */
	freeForm?: boolean;
}

export interface Caption {
	event: number;
	text: string;
	claim: Claim;
}

export const LESSON_CAPTIONS: Readonly<Record<string, readonly Caption[]>> = {
	'service-conversation': [
		{
			event: 0,
			text: 'The customer’s message opens the 24-hour customer service window: the agent may reply free-form.',
			claim: { outcome: 'received', open: 0, freeForm: true }
		},
		{
			event: 1,
			text: 'The reply opens a service conversation for 24 h, charged once: 0.0190 USD (this account has no free service conversations left this month).',
			claim: { outcome: 'charged', charge: '0.0190', open: 1, freeForm: true }
		},
		{
			event: 2,
			text: 'A new customer message restarts the window: it now runs 24 h from this message.',
			claim: { outcome: 'received', open: 1, freeForm: true }
		},
		{
			event: 3,
			text: 'The first service conversation has ended, but the window is still open: this reply opens a second service conversation, charged again, 0.0190 USD.',
			claim: { outcome: 'charged', charge: '0.0190', open: 1, freeForm: true }
		},
		{
			event: 4,
			text: '24 h after the customer’s last message the window has closed: the free-form reply is refused (API error 131047). Only a template can reach the customer now.',
			claim: { outcome: 'blocked', open: 1, freeForm: false }
		}
	],
	'click-to-whatsapp': [
		{
			event: 0,
			text: 'The customer comes from a click-to-WhatsApp ad: the customer service window opens, and a reply within 24 h opens a free entry point.',
			claim: { outcome: 'received', open: 0, freeForm: true }
		},
		{
			event: 1,
			text: 'The reply opens the free entry point for 72 h: the reply and everything sent after it in those 72 h are free, templates included.',
			claim: { outcome: 'free', open: 1, freeForm: true }
		},
		{
			event: 2,
			text: 'A utility template inside the free entry point: free.',
			claim: { outcome: 'free', open: 1, freeForm: true }
		},
		{
			event: 3,
			text: 'The customer service window closed 24 h after the customer’s message: free-form is refused, even though templates are still free. The two windows are independent.',
			claim: { outcome: 'blocked', open: 1, freeForm: false }
		},
		{
			event: 4,
			text: 'A marketing template, still inside the free entry point: free.',
			claim: { outcome: 'free', open: 1, freeForm: false }
		},
		{
			event: 5,
			text: 'The free entry point ended 72 h after the reply: this marketing template opens a marketing conversation, charged 0.0411 USD.',
			claim: { outcome: 'charged', charge: '0.0411', open: 1, freeForm: false }
		}
	],
	'business-initiated': [
		{
			event: 0,
			text: 'A marketing template opens a marketing conversation for 24 h, charged at the marketing rate: 0.0411 USD.',
			claim: { outcome: 'charged', charge: '0.0411', open: 1, freeForm: false }
		},
		{
			event: 1,
			text: 'A free-form follow-up is refused (API error 131047): the customer has not written, so there is no customer service window.',
			claim: { outcome: 'blocked', open: 1, freeForm: false }
		}
	],
	'same-category': [
		{
			event: 0,
			text: 'The first marketing template opens a marketing conversation for 24 h: charged 0.0411 USD.',
			claim: { outcome: 'charged', charge: '0.0411', open: 1, freeForm: false }
		},
		{
			event: 1,
			text: 'Another marketing template within those 24 h rides on the open conversation: no extra charge.',
			claim: { outcome: 'included', charge: '0.0000', open: 1, freeForm: false }
		},
		{
			event: 2,
			text: 'At 12:00 on 13 Sep the conversation is exactly 24 h old. The help page counts that instant as inside (this use case’s window-end setting; Meta’s own pages do not say), so this template rides on it: no extra charge.',
			claim: { outcome: 'included', charge: '0.0000', open: 1, freeForm: false }
		}
	],
	'multiple-conversations': [
		{
			event: 0,
			text: 'A marketing template opens a marketing conversation: charged 0.0411 USD.',
			claim: { outcome: 'charged', charge: '0.0411', open: 1, freeForm: false }
		},
		{
			event: 1,
			text: 'An authentication template opens a second conversation beside the marketing one: charged again, 0.0300 USD. Two conversations are open at once.',
			claim: { outcome: 'charged', charge: '0.0300', open: 2, freeForm: false }
		}
	]
};
