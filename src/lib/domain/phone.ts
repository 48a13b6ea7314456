/**
 * Phone numbers as people export them from a CRM: with or without "+", with spaces, dashes, dots or
 * parentheses, sometimes with a leading "00" international prefix. Normalised to E.164 digits and
 * checked the way Meta can deliver them: 7 to 15 digits behind an assigned country calling code.
 */
import { callingCodeOf } from './markets';

export type PhoneResult = { ok: true; digits: string } | { ok: false; reason: string };

/** "+" then 7–15 digits and nothing else: the common case, checked without regular expressions. */
function plainE164(raw: string): string | null {
	const n = raw.length;
	if (n < 8 || n > 16 || raw.charCodeAt(0) !== 43 /* + */) return null;
	for (let i = 1; i < n; i++) {
		const c = raw.charCodeAt(i);
		if (c < 48 || c > 57) return null;
	}
	return raw.charCodeAt(1) === 48 ? null : raw.slice(1);
}

/** Spaces (also no-break), dashes, dots and parentheses may separate the digits. */
const isSeparator = (c: number) =>
	c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 160 || c === 9;

export function normalizePhone(raw: string): PhoneResult {
	const plain = plainE164(raw);
	if (plain !== null && callingCodeOf(plain) !== null) return { ok: true, digits: plain };
	// One pass: drop separators, keep digits, note a leading "+"; anything else is not a number.
	let digits = '';
	let plus = false;
	for (let i = 0; i < raw.length; i++) {
		const c = raw.charCodeAt(i);
		if (c >= 48 && c <= 57) digits += raw[i];
		else if (c === 43 && digits === '' && !plus) plus = true;
		else if (!isSeparator(c)) {
			const shown = raw.trim().slice(0, 40);
			return { ok: false, reason: shown === '' ? 'phone: empty' : `phone: "${shown}" is not a number` };
		}
	}
	if (digits === '') return { ok: false, reason: 'phone: empty' };
	if (!plus && digits.startsWith('00')) digits = digits.slice(2);
	if (digits.startsWith('0'))
		return {
			ok: false,
			reason: 'phone: a national number (leading 0); give it with its country calling code'
		};
	if (digits.length < 7) return { ok: false, reason: `phone: too short (${digits.length} digits)` };
	if (digits.length > 15)
		return { ok: false, reason: `phone: too long (${digits.length} digits, E.164 allows 15)` };
	if (callingCodeOf(digits) === null)
		return { ok: false, reason: `phone: calling code ${digits.slice(0, 3)} is not assigned` };
	return { ok: true, digits };
}
