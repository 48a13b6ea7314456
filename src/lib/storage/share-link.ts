/**
 * Share links: the scenario itself, compressed into the URL fragment (never sent to a server), with
 * a version prefix: `#s1=<lz-string>`. Decoding goes through a table of decoders by prefix, so a link
 * made by an older version keeps opening after the format moves on. Pure: no storage, no DOM.
 */
// lz-string is CommonJS: the default import is what both Node and Vite give reliably.
import LZString from 'lz-string';
import { describeScenarioError, validateScenario, type Scenario } from '$lib/domain/scenario';
import { decompressUriSafeBounded, TOO_LARGE } from './lz-bounded';
import { splitShareFragment } from './share-view';

export const SHARE_PREFIX = 's1';
/** Chat apps and some browsers cut links longer than this; the UI warns above it. */
export const LONG_LINK_CHARS = 8_000;
/** Larger fragments are refused before decompressing (Chromium's URL limit is 2 MB). */
export const MAX_FRAGMENT_CHARS = 2 * 1024 * 1024;
const MAX_DECOMPRESSED_CHARS = 20 * 1024 * 1024;

export type ShareDecodeResult =
	| {
			ok: true;
			scenario: Scenario;
			version: string;
			/** The JSON text the scenario was read from (it parses back to the same scenario). */
			text: string;
	  }
	| { ok: false; version: string | null; reason: string };

/** `s1=…` (without the `#`). */
export function encodeShareFragment(scenario: Scenario): string {
	return `${SHARE_PREFIX}=${LZString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;
}

/** The link to share: the page's origin and path, and the scenario in the fragment. */
export function shareUrl(location: { origin: string; pathname: string }, scenario: Scenario): string {
	return `${location.origin}${location.pathname}#${encodeShareFragment(scenario)}`;
}

type Decoder = (payload: string) => ShareDecodeResult;

function decodeV1(payload: string): ShareDecodeResult {
	// Decompressed with a limit: a crafted link must not expand past it (and crash the tab) first.
	const json = decompressUriSafeBounded(payload, MAX_DECOMPRESSED_CHARS);
	if (json === TOO_LARGE)
		return { ok: false, version: 's1', reason: 'the scenario in the link is too large.' };
	if (!json)
		return {
			ok: false,
			version: 's1',
			reason: 'the link is damaged (it may have been cut short when it was copied).'
		};
	let data: unknown;
	try {
		data = JSON.parse(json);
	} catch {
		return { ok: false, version: 's1', reason: 'the link is damaged (it does not hold a valid scenario).' };
	}
	const result = validateScenario(data);
	if (!result.ok) {
		const first = result.errors[0];
		return {
			ok: false,
			version: 's1',
			reason: `the scenario in the link is invalid: ${first ? describeScenarioError(first) : 'unknown error'}`
		};
	}
	return { ok: true, scenario: result.scenario, version: 's1', text: json };
}

/**
 * One decoder per prefix ever issued. A later format adds `s2` here and keeps `s1`, so links
 * from older versions still open.
 */
const DECODERS = new Map<string, Decoder>([['s1', decodeV1]]);

/**
 * Reads a URL fragment (with or without `#`). Null when it holds no share link at all; otherwise
 * the scenario, or the reason it cannot be opened.
 */
export function decodeShareFragment(hash: string): ShareDecodeResult | null {
	// View fields after the scenario (`&t=…`, share-view.ts) are not part of it.
	const fragment = splitShareFragment(hash).core;
	const m = /^(s\d+)=(.*)$/s.exec(fragment);
	if (!m) return null;
	const version = m[1] as string;
	const payload = m[2] as string;
	if (fragment.length > MAX_FRAGMENT_CHARS)
		return { ok: false, version, reason: 'the link is too long to open.' };
	const decoder = DECODERS.get(version);
	if (!decoder) {
		const newer = Number(version.slice(1)) > Number(SHARE_PREFIX.slice(1));
		return {
			ok: false,
			version,
			reason: newer
				? 'the link was made by a newer version of this app. Reload the page to get that version, then open the link again.'
				: `the link format "${version}" is not known.`
		};
	}
	return decoder(payload);
}
