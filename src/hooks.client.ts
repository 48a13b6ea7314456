/**
 * Client hooks. `init` runs once, before the first page loads: a long share link of the sandbox
 * starts opening in its worker now, while the app's own code loads (state/early-link.ts).
 */
import type { ClientInit } from '@sveltejs/kit';
import { startEarly } from '$lib/state/early-link';

export const init: ClientInit = () => {
	startEarly(location.pathname, location.hash);
};
