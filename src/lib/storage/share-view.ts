/**
 * What a share link says about the view, besides the scenario (issue 14 point 7): where the
 * playhead is, which view is open (replay or compare regimes) and whether it opens in presentation
 * mode. Written after the scenario as `#s2=<scenario>&t=<epoch ms>&view=compare&present=1`: the
 * compressed scenario never holds an `&` (lz-string's URI alphabet is A–Z a–z 0–9 + - $), so links
 * without view fields — every link made before — read exactly as they did. Strict: an unknown,
 * repeated or malformed field voids the whole view (the scenario still opens) and says why.
 * Pure: no storage, no DOM.
 */
import { SUPPORTED_YEARS } from '$lib/domain/time';
import { asEpochMs, type EpochMs } from '$lib/domain/units';

export type ShareViewName = 'replay' | 'compare';
export const SHARE_VIEWS: readonly ShareViewName[] = ['replay', 'compare'];

export interface ShareView {
	/** The playhead, epoch ms. */
	playhead?: EpochMs;
	view?: ShareViewName;
	present?: boolean;
}

export type ShareViewResult = { ok: true; view: ShareView } | { ok: false; reason: string };

const MIN_T = Date.UTC(SUPPORTED_YEARS.from, 0, 1);
const MAX_T = Date.UTC(SUPPORTED_YEARS.to + 1, 0, 1) - 1;

/** The fragment (with or without `#`) split into the scenario part (`s2=…`) and the view fields after the first `&`. */
export function splitShareFragment(hash: string): { core: string; fields: string | null } {
	const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
	const amp = fragment.indexOf('&');
	return amp < 0
		? { core: fragment, fields: null }
		: { core: fragment.slice(0, amp), fields: fragment.slice(amp + 1) };
}

/** `&t=…&view=…&present=1` for the fields set (only what differs from a plain link), else ''. */
export function encodeShareView(v: ShareView): string {
	let out = '';
	if (v.playhead !== undefined) out += `&t=${Math.round(v.playhead)}`;
	if (v.view && v.view !== 'replay') out += `&view=${v.view}`;
	if (v.present) out += '&present=1';
	return out;
}

/** The view fields of a share fragment: none → ok with an empty view; any bad field → the reason. */
export function decodeShareView(hash: string): ShareViewResult {
	const { fields } = splitShareFragment(hash);
	if (fields === null) return { ok: true, view: {} };
	const view: ShareView = {};
	const seen = new Set<string>();
	for (const part of fields.split('&')) {
		const eq = part.indexOf('=');
		const key = eq < 0 ? part : part.slice(0, eq);
		const value = eq < 0 ? '' : part.slice(eq + 1);
		if (seen.has(key)) return { ok: false, reason: `"${key}" is given twice.` };
		seen.add(key);
		switch (key) {
			case 't': {
				const t = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
				if (!(t >= MIN_T && t <= MAX_T))
					return {
						ok: false,
						reason: `the playhead "t" must be a time in milliseconds between ${SUPPORTED_YEARS.from} and ${SUPPORTED_YEARS.to}.`
					};
				view.playhead = asEpochMs(t);
				break;
			}
			case 'view':
				if (!SHARE_VIEWS.includes(value as ShareViewName))
					return { ok: false, reason: `"view" must be ${SHARE_VIEWS.join(' or ')}.` };
				view.view = value as ShareViewName;
				break;
			case 'present':
				if (value !== '1') return { ok: false, reason: '"present" must be 1.' };
				view.present = true;
				break;
			default:
				return { ok: false, reason: `"${key.slice(0, 20)}" is not a field this app knows.` };
		}
	}
	return { ok: true, view };
}
