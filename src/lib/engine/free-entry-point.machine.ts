/**
 * The free entry point (pricing-rules.md §1.6, §2.3): a customer message through a click-to-WhatsApp
 * ad or Page button makes the chat eligible for 24 h; a delivered business reply in that time opens
 * a 72-hour window in which every message is free. Without a reply in 24 h nothing opens.
 */
import { and, assign, setup } from 'xstate';
import {
	addDuration,
	asEpochMs,
	FREE_ENTRY_POINT_DURATION,
	FREE_ENTRY_POINT_REPLY_LIMIT
} from '$lib/domain/units';
import { hasEnded, type WindowEndInput } from './window-end';

export interface FreeEntryPointContext {
	inclusive: boolean;
	/** A reply before this instant opens the window; null when no ad/Page-button message is pending. */
	eligibleUntil: number | null;
	openedAt: number | null;
	expiresAt: number | null;
}

export type FreeEntryPointEvent =
	| { type: 'ENTRY_POINT_MESSAGE'; at: number }
	| { type: 'BUSINESS_REPLY'; at: number }
	| { type: 'TICK'; at: number };

export const freeEntryPointMachine = setup({
	types: {
		context: {} as FreeEntryPointContext,
		events: {} as FreeEntryPointEvent,
		input: {} as WindowEndInput
	},
	guards: {
		eligibilityLapsed: ({ context, event }) =>
			context.eligibleUntil !== null && hasEnded(context.eligibleUntil, event.at, context.inclusive),
		windowExpired: ({ context, event }) =>
			context.expiresAt !== null && hasEnded(context.expiresAt, event.at, context.inclusive),
		stillEligible: ({ context, event }) =>
			context.eligibleUntil !== null && !hasEnded(context.eligibleUntil, event.at, context.inclusive)
	},
	actions: {
		markEligible: assign(({ event }) => ({
			eligibleUntil: addDuration(asEpochMs(event.at), FREE_ENTRY_POINT_REPLY_LIMIT)
		})),
		openWindow: assign(({ event }) => ({
			eligibleUntil: null,
			openedAt: event.at,
			expiresAt: addDuration(asEpochMs(event.at), FREE_ENTRY_POINT_DURATION)
		})),
		forgetEligibility: assign({ eligibleUntil: null })
	}
}).createMachine({
	id: 'freeEntryPoint',
	initial: 'idle',
	context: ({ input }) => ({
		inclusive: input.inclusive,
		eligibleUntil: null,
		openedAt: null,
		expiresAt: null
	}),
	states: {
		idle: {
			on: { ENTRY_POINT_MESSAGE: { target: 'eligible', actions: 'markEligible' } }
		},
		eligible: {
			on: {
				ENTRY_POINT_MESSAGE: { actions: 'markEligible' },
				BUSINESS_REPLY: { target: 'open', actions: 'openWindow' },
				TICK: { guard: 'eligibilityLapsed', target: 'idle', actions: 'forgetEligibility' }
			}
		},
		open: {
			on: {
				// Whether a second ad click extends an open window is UNCONFIRMED (§6.8): it does not;
				// it only makes a reply after this window ends eligible again.
				ENTRY_POINT_MESSAGE: { actions: 'markEligible' },
				TICK: [
					{ guard: and(['windowExpired', 'stillEligible']), target: 'eligible' },
					{ guard: 'windowExpired', target: 'idle', actions: 'forgetEligibility' }
				]
			}
		}
	}
});
