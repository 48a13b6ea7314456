/**
 * The customer service window (pricing-rules.md §1.5): opens on a customer message, lasts 24 h, and
 * restarts its 24 h on every later customer message. Business messages never extend it.
 * Time comes only from events: TICK { at } closes it once `at` reaches the end.
 */
import { assign, setup } from 'xstate';
import { addDuration, asEpochMs, CUSTOMER_SERVICE_WINDOW } from '$lib/domain/units';
import { hasEnded, type WindowEndInput } from './window-end';

export interface ServiceWindowContext {
	inclusive: boolean;
	openedAt: number | null;
	lastResetAt: number | null;
	expiresAt: number | null;
}

export type ServiceWindowEvent = { type: 'CUSTOMER_MESSAGE'; at: number } | { type: 'TICK'; at: number };

export const serviceWindowMachine = setup({
	types: {
		context: {} as ServiceWindowContext,
		events: {} as ServiceWindowEvent,
		input: {} as WindowEndInput
	},
	guards: {
		hasExpired: ({ context, event }) =>
			context.expiresAt !== null && hasEnded(context.expiresAt, event.at, context.inclusive)
	},
	actions: {
		start: assign(({ event }) => ({
			openedAt: event.at,
			lastResetAt: event.at,
			expiresAt: addDuration(asEpochMs(event.at), CUSTOMER_SERVICE_WINDOW)
		})),
		restart: assign(({ event }) => ({
			lastResetAt: event.at,
			expiresAt: addDuration(asEpochMs(event.at), CUSTOMER_SERVICE_WINDOW)
		}))
	}
}).createMachine({
	id: 'serviceWindow',
	initial: 'closed',
	context: ({ input }) => ({
		inclusive: input.inclusive,
		openedAt: null,
		lastResetAt: null,
		expiresAt: null
	}),
	states: {
		closed: {
			on: { CUSTOMER_MESSAGE: { target: 'open', actions: 'start' } }
		},
		open: {
			on: {
				CUSTOMER_MESSAGE: { actions: 'restart' },
				TICK: { guard: 'hasExpired', target: 'closed' }
			}
		}
	}
});
