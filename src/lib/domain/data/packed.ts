/**
 * The bundled rate data packed by column (issue 14 point 10: every page's initial JavaScript
 * ≤ 150 KB gzip). Written out as objects, the rate cards and tier tables were ~30 KB gzip on every
 * page that prices; a column per field (market and source as indices into lists written once,
 * category and confidence as one digit a row) compresses to ~12 KB. scripts/rate-data.ts packs with
 * these functions and the generated modules unpack at load, so the format is stated here only.
 */
import {
	RATE_CATEGORIES as CATEGORIES,
	SOURCE_CONFIDENCES as CONFIDENCES,
	type PricingModel,
	type RateCardData,
	type RateRow,
	type TierCategory,
	type TierRow,
	type TierTableData
} from '../data-types';

/** A card: id, effective date, currency, model, file, then columns market, category, rate, confidence, source. */
export type PackedCard = readonly [
	string,
	string,
	string,
	PricingModel,
	string,
	string,
	string,
	string,
	string,
	string
];
/** A tier table: id, effective date, currency, file, then columns market, category, from, to, rate, confidence, source. */
export type PackedTiers = readonly [
	string,
	string,
	string,
	string,
	string,
	string,
	string,
	string,
	string,
	string,
	string
];

/** Names (markets, sources) each once, in first-seen order. */
export const namesOf = (values: Iterable<string>): string[] => [...new Set(values)];

const indexer = (names: readonly string[]) => {
	const at = new Map(names.map((n, i) => [n, i]));
	return (name: string): string => {
		const i = at.get(name);
		if (i === undefined) throw new Error(`"${name}" is not in the packed list`);
		return i.toString(36);
	};
};
const digit = <T>(list: readonly T[], value: T): string => {
	const i = list.indexOf(value);
	if (i < 0) throw new Error(`cannot pack ${String(value)}`);
	return String(i);
};
const words = (s: string, n: number): string[] => (n === 0 ? [] : s.split(' '));
const at = <T>(list: readonly T[], i: number): T => {
	const v = list[i];
	if (v === undefined) throw new Error(`packed rate data: index ${i} out of range`);
	return v;
};

export function packCards(
	cards: readonly RateCardData[],
	markets: readonly string[],
	sources: readonly string[]
): PackedCard[] {
	const m = indexer(markets);
	const s = indexer(sources);
	return cards.map((c) => [
		c.id,
		c.effectiveFrom,
		c.currency,
		c.model,
		c.file,
		c.rows.map((r) => m(r.market)).join(' '),
		c.rows.map((r) => digit(CATEGORIES, r.category)).join(''),
		c.rows.map((r) => r.rate).join(' '),
		c.rows.map((r) => digit(CONFIDENCES, r.confidence)).join(''),
		c.rows.map((r) => s(r.source)).join(' ')
	]);
}

export function unpackCards(
	packed: readonly PackedCard[],
	markets: readonly string[],
	sources: readonly string[]
): RateCardData[] {
	return packed.map(([id, effectiveFrom, currency, model, file, mCol, cCol, rCol, kCol, sCol]) => {
		const n = cCol.length;
		const [ms, rs, ss] = [words(mCol, n), words(rCol, n), words(sCol, n)];
		const rows: RateRow[] = [];
		for (let i = 0; i < n; i++) {
			rows.push({
				market: at(markets, parseInt(at(ms, i), 36)),
				category: at(CATEGORIES, Number(cCol[i])),
				rate: at(rs, i),
				confidence: at(CONFIDENCES, Number(kCol[i])),
				source: at(sources, parseInt(at(ss, i), 36))
			});
		}
		return { id, effectiveFrom, currency, model, file, rows };
	});
}

export function packTiers(
	tables: readonly TierTableData[],
	markets: readonly string[],
	sources: readonly string[]
): PackedTiers[] {
	const m = indexer(markets);
	const s = indexer(sources);
	return tables.map((t) => [
		t.id,
		t.effectiveFrom,
		t.currency,
		t.file,
		t.rows.map((r) => m(r.market)).join(' '),
		t.rows.map((r) => digit(CATEGORIES, r.category)).join(''),
		t.rows.map((r) => r.from).join(' '),
		t.rows.map((r) => (r.to === null ? '' : r.to)).join(' '),
		t.rows.map((r) => r.rate).join(' '),
		t.rows.map((r) => digit(CONFIDENCES, r.confidence)).join(''),
		t.rows.map((r) => s(r.source)).join(' ')
	]);
}

export function unpackTiers(
	packed: readonly PackedTiers[],
	markets: readonly string[],
	sources: readonly string[]
): TierTableData[] {
	return packed.map(([id, effectiveFrom, currency, file, mCol, cCol, fCol, tCol, rCol, kCol, sCol]) => {
		const n = cCol.length;
		const [ms, fs, ts, rs, ss] = [mCol, fCol, tCol, rCol, sCol].map((col) => words(col, n)) as [
			string[],
			string[],
			string[],
			string[],
			string[]
		];
		const rows: TierRow[] = [];
		for (let i = 0; i < n; i++) {
			const to = at(ts, i);
			rows.push({
				market: at(markets, parseInt(at(ms, i), 36)),
				category: at(CATEGORIES, Number(cCol[i])) as TierCategory,
				from: Number(at(fs, i)),
				to: to === '' ? null : Number(to),
				rate: at(rs, i),
				confidence: at(CONFIDENCES, Number(kCol[i])),
				source: at(sources, parseInt(at(ss, i), 36))
			});
		}
		return { id, effectiveFrom, currency, file, rows };
	});
}
