/**
 * One conversation window of one category (pricing-rules.md §1.3–§1.4): opened by a delivered
 * message that starts a conversation, lasts 24 h, or is closed early when a free entry point opens.
 * The same definition serves marketing, utility, authentication and service (input.category).
 */
import { assign, setup } from 'xstate';
import type { ConversationCategory } from '$lib/domain/scenario';
import { addDuration, asEpochMs, CONVERSATION_DURATION } from '$lib/domain/units';
import { hasEnded, type WindowEndInput } from './window-end';

export interface ConversationContext {
	category: ConversationCategory;
	inclusive: boolean;
	/** Ledger id of the conversation currently open (or last open). */
	id: number | null;
	openedAt: number | null;
	expiresAt: number | null;
	closedAt: number | null;
}

export type ConversationEvent =
	{ type: 'OPEN'; at: number; id: number } | { type: 'CLOSE'; at: number } | { type: 'TICK'; at: number };

export const conversationMachine = setup({
	types: {
		context: {} as ConversationContext,
		events: {} as ConversationEvent,
		input: {} as WindowEndInput & { category: ConversationCategory }
	},
	guards: {
		hasExpired: ({ context, event }) =>
			context.expiresAt !== null && hasEnded(context.expiresAt, event.at, context.inclusive)
	},
	actions: {
		open: assign(({ event }) =>
			event.type === 'OPEN'
				? {
						id: event.id,
						openedAt: event.at,
						expiresAt: addDuration(asEpochMs(event.at), CONVERSATION_DURATION),
						closedAt: null
					}
				: {}
		),
		closeEarly: assign(({ event }) => ({ closedAt: event.at }))
	}
}).createMachine({
	id: 'conversation',
	initial: 'closed',
	context: ({ input }) => ({
		category: input.category,
		inclusive: input.inclusive,
		id: null,
		openedAt: null,
		expiresAt: null,
		closedAt: null
	}),
	states: {
		closed: {
			on: { OPEN: { target: 'open', actions: 'open' } }
		},
		open: {
			on: {
				TICK: { guard: 'hasExpired', target: 'closed' },
				// A free entry point "automatically closes all other open conversations" (§1.6).
				CLOSE: { target: 'closed', actions: 'closeEarly' }
			}
		}
	}
});
