/**
 * Share links: the scenario itself, compressed into the URL fragment (never sent to a server), with
 * a version prefix: `#s2=<base64url of the deflated packed scenario>` (scenario-pack.ts), earlier
 * `#s1=<lz-string of the JSON>`. Decoding goes through a table of decoders by prefix, so a link
 * made by an older version keeps opening after the format moves on. Pure: no storage, no DOM.
 */
import { deflateSync } from 'fflate';
import {
	describeScenarioError,
	validateScenario,
	type Scenario,
	type ScenarioError
} from '$lib/domain/scenario';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { inflateRawBounded, INFLATE_TOO_LARGE } from './inflate-bounded';
import { decompressUriSafeBounded, TOO_LARGE } from './lz-bounded';
import { packScenario, unpackScenario } from './scenario-pack';
import { splitShareFragment } from './share-view';

// The pricing worker packs an s1 link's scenario for the page; this file is the codec it may import.
export { packScenario };

export const SHARE_PREFIX = 's2';
/** Chat apps and some browsers cut links longer than this; the UI warns above it. */
export const LONG_LINK_CHARS = 8_000;
/** Larger fragments are refused before decompressing (Chromium's URL limit is 2 MB). */
export const MAX_FRAGMENT_CHARS = 2 * 1024 * 1024;
const MAX_DECOMPRESSED_CHARS = 20 * 1024 * 1024;
/** An s2 payload past this is refused (200,000 events pack into a few MB; extras' texts add some). */
const MAX_PAYLOAD_BYTES = 20 * 1024 * 1024;

export type ShareDecodeResult =
	{ ok: true; scenario: Scenario; version: string } | { ok: false; version: string | null; reason: string };

/** A decoded link with, for an s2 one, what the pricing worker hands the page instead of JSON. */
export interface ShareRead {
	result: ShareDecodeResult;
	/** The link's packed scenario (scenario-pack.ts), inflated. */
	payload?: Uint8Array;
	/** Each event's instant (epoch ms, by event index), read with the payload. */
	at?: Float64Array;
}

/** `s2=…` (without the `#`). */
export function encodeShareFragment(scenario: Scenario): string {
	return `${SHARE_PREFIX}=${encodeBase64Url(deflateSync(packScenario(scenario), { level: 9 }))}`;
}

/** The link to share: the page's origin and path, and the scenario in the fragment. */
export function shareUrl(location: { origin: string; pathname: string }, scenario: Scenario): string {
	return `${location.origin}${location.pathname}#${encodeShareFragment(scenario)}`;
}

type Decoder = (payload: string) => ShareRead;

const CUT_SHORT = 'the link is damaged (it may have been cut short when it was copied).';
const NOT_A_SCENARIO = 'the link is damaged (it does not hold a valid scenario).';
const TOO_LARGE_REASON = 'the scenario in the link is too large.';
const invalid = (e: ScenarioError | undefined) =>
	`the scenario in the link is invalid: ${e ? describeScenarioError(e) : 'unknown error'}`;
const refused = (version: string, reason: string): ShareRead => ({ result: { ok: false, version, reason } });

function decodeV1(payload: string): ShareRead {
	// Decompressed with a limit: a crafted link must not expand past it (and crash the tab) first.
	const json = decompressUriSafeBounded(payload, MAX_DECOMPRESSED_CHARS);
	if (json === TOO_LARGE) return refused('s1', TOO_LARGE_REASON);
	if (!json) return refused('s1', CUT_SHORT);
	let data: unknown;
	try {
		data = JSON.parse(json);
	} catch {
		return refused('s1', NOT_A_SCENARIO);
	}
	const result = validateScenario(data);
	if (!result.ok) return refused('s1', invalid(result.errors[0]));
	return { result: { ok: true, scenario: result.scenario, version: 's1' } };
}

function decodeV2(text: string): ShareRead {
	const deflated = decodeBase64Url(text);
	if (!deflated) return refused('s2', CUT_SHORT);
	// Inflated with a limit: a crafted link must not expand past it (and crash the tab) first.
	const payload = inflateRawBounded(deflated, MAX_PAYLOAD_BYTES);
	if (payload === INFLATE_TOO_LARGE) return refused('s2', TOO_LARGE_REASON);
	if (!payload) return refused('s2', CUT_SHORT);
	const unpacked = unpackScenario(payload);
	if (!unpacked.ok) return refused('s2', unpacked.error ? invalid(unpacked.error) : NOT_A_SCENARIO);
	return { result: { ok: true, scenario: unpacked.scenario, version: 's2' }, payload, at: unpacked.at };
}

/**
 * One decoder per prefix ever issued. A later format adds `s3` here and keeps the others, so links
 * from older versions still open.
 */
const DECODERS = new Map<string, Decoder>([
	['s1', decodeV1],
	['s2', decodeV2]
]);

/**
 * Reads a URL fragment (with or without `#`). Null when it holds no share link at all; otherwise
 * the scenario, or the reason it cannot be opened.
 */
export function decodeShareFragment(hash: string): ShareDecodeResult | null {
	return readShareFragment(hash)?.result ?? null;
}

/** `decodeShareFragment` with, for an s2 link, its inflated payload and instants (the pricing worker's). */
export function readShareFragment(hash: string): ShareRead | null {
	// View fields after the scenario (`&t=…`, share-view.ts) are not part of it.
	const fragment = splitShareFragment(hash).core;
	const m = /^(s\d+)=(.*)$/s.exec(fragment);
	if (!m) return null;
	const version = m[1] as string;
	const payload = m[2] as string;
	if (fragment.length > MAX_FRAGMENT_CHARS) return refused(version, 'the link is too long to open.');
	const decoder = DECODERS.get(version);
	if (!decoder) {
		const newer = Number(version.slice(1)) > Number(SHARE_PREFIX.slice(1));
		return refused(
			version,
			newer
				? 'the link was made by a newer version of this app. Reload the page to get that version, then open the link again.'
				: `the link format "${version}" is not known.`
		);
	}
	return decoder(payload);
}
