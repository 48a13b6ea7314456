/**
 * Which app and which rate data priced a run. Stored with every run so that a reopened run whose
 * re-replay differs can say why ("the rate data changed since").
 */
import { RATE_CARDS } from '$lib/domain/rate-card';
// Vite's JSON plugin tree-shakes named imports: only the version string is bundled.
import { version } from '../../../package.json';

export const APP_VERSION: string = version;

/** FNV-1a, 32 bits: a fingerprint, not a security measure. */
function fnv1a(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

let cached: string | null = null;

/** "rates-1a2b3c4d": changes whenever any rate card figure, date or id changes. */
export function rateDataVersion(): string {
	cached ??= `rates-${fnv1a(JSON.stringify(RATE_CARDS))}`;
	return cached;
}
