/**
 * Pure conversion of ../shared/rate-cards/*.csv into the committed data modules
 * (src/lib/domain/data/*.generated.ts). No file I/O here: scripts/build-data.ts reads and writes the
 * files, and src/lib/domain/data/generated.test.ts regenerates in memory to prove the committed data
 * matches the CSVs.
 *
 * This module imports only types (data-types.ts), csv.ts and units.ts from the domain, never the
 * generated data itself, so it still runs when a generated file is missing or broken.
 */
import { parseCsv } from '../src/lib/domain/csv';
import {
	RATE_CATEGORIES,
	SOURCE_CONFIDENCES,
	type MarketRow,
	type PricingModel,
	type RateCardData,
	type RateCategory,
	type RateRow,
	type SourceConfidence,
	type TierCategory,
	type TierRow,
	type TierTableData
} from '../src/lib/domain/data-types';
import { parseDecimalMicros } from '../src/lib/domain/units';
import { namesOf, packCards, packTiers } from '../src/lib/domain/data/packed';

export interface SourceFile {
	/** File name relative to rate-cards/, e.g. "2023-06-01-USD.csv" or "tiers/tiers-2026-10-01.csv". */
	name: string;
	text: string;
}

export interface BuiltData {
	cards: RateCardData[];
	markets: MarketRow[];
	tiers: TierTableData[];
}

/**
 * Per-message pricing starts with the 2025-07-01 card; the 2023-06-01 and 2024-11-01 cards are
 * per-conversation (pricing-rules.md §0 R4 and §2.2; rate-cards/README.md "Units").
 */
export const PMP_CARDS_FROM = '2025-07-01';

export const modelForCardDate = (effectiveFrom: string): PricingModel =>
	effectiveFrom < PMP_CARDS_FROM ? 'CBP' : 'PMP';

/** rate-cards/README.md, "Rate card files" and "markets.csv": the column lists. */
const RATE_HEADER = ['market', 'category', 'rate', 'confidence', 'source'];
const MARKET_HEADER = ['market', 'country_iso2', 'calling_code_prefix', 'from', 'until'];
/** rate-cards/README.md, "Volume tiers". */
const TIER_HEADER = ['market', 'category', 'from', 'to', 'rate', 'confidence', 'source'];
const TIER_CATEGORIES: Record<TierCategory, true> = {
	utility: true,
	authentication: true,
	authentication_international: true
};

const isCategory = (s: string): s is RateCategory => (RATE_CATEGORIES as readonly string[]).includes(s);
const isConfidence = (s: string): s is SourceConfidence =>
	(SOURCE_CONFIDENCES as readonly string[]).includes(s);

const CARD_FILE = /^(\d{4}-\d{2}-\d{2})-([A-Z]{3})\.csv$/;
/** tiers/tiers-YYYY-MM-DD.csv is USD; tiers/tiers-YYYY-MM-DD-CUR.csv another currency. */
const TIER_FILE = /^tiers\/tiers-(\d{4}-\d{2}-\d{2})(?:-([A-Z]{3}))?\.csv$/;
const MARKETS_FILE = 'markets.csv';

function isIsoDate(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export { parseCsv };

function checkHeader(file: string, header: string[] | undefined, expected: string[]): void {
	if (!header || header.join(',') !== expected.join(',')) {
		throw new Error(`${file}: expected header "${expected.join(',')}", got "${header?.join(',') ?? ''}"`);
	}
}

export function rateCardFromCsv(file: string, text: string): RateCardData {
	const m = CARD_FILE.exec(file);
	if (!m || !isIsoDate(m[1] ?? '')) throw new Error(`${file}: rate card files are named YYYY-MM-DD-CUR.csv`);
	const effectiveFrom = m[1] as string;
	const currency = m[2] as string;
	const [header, ...records] = parseCsv(text);
	checkHeader(file, header, RATE_HEADER);
	const seen = new Set<string>();
	const rows: RateRow[] = records.map((rec, i) => {
		const where = `${file} line ${i + 2}`;
		if (rec.length !== RATE_HEADER.length) throw new Error(`${where}: ${rec.length} fields, expected 5`);
		const [market, category, rate, confidence, source] = rec as [string, string, string, string, string];
		if (!market) throw new Error(`${where}: empty market`);
		if (!isCategory(category)) throw new Error(`${where}: unknown category "${category}"`);
		if (!isConfidence(confidence)) throw new Error(`${where}: unknown confidence "${confidence}"`);
		if (rate.trim() !== rate) throw new Error(`${where}: rate "${rate}" has surrounding spaces`);
		try {
			parseDecimalMicros(rate);
		} catch (e) {
			throw new Error(`${where}: ${(e as Error).message}`, { cause: e });
		}
		if (!source) throw new Error(`${where}: every rate names its source`);
		const key = `${market}|${category}`;
		if (seen.has(key)) throw new Error(`${where}: second row for ${market} ${category}`);
		seen.add(key);
		return { market, category, rate, confidence, source };
	});
	return {
		id: file.slice(0, -4),
		effectiveFrom,
		currency,
		model: modelForCardDate(effectiveFrom),
		file,
		rows
	};
}

const COUNT = /^(0|[1-9]\d*)$/;

/**
 * A volume-tier table: per market and category, tiers that follow each other without overlap
 * (a gap is allowed: partial tables leave tiers out), the top one open-ended or not.
 */
export function tierTableFromCsv(file: string, text: string): TierTableData {
	const m = TIER_FILE.exec(file);
	if (!m || !isIsoDate(m[1] ?? ''))
		throw new Error(`${file}: tier files are named tiers/tiers-YYYY-MM-DD[-CUR].csv`);
	const [header, ...records] = parseCsv(text);
	checkHeader(file, header, TIER_HEADER);
	const rows: TierRow[] = records.map((rec, i) => {
		const where = `${file} line ${i + 2}`;
		if (rec.length !== TIER_HEADER.length) throw new Error(`${where}: ${rec.length} fields, expected 7`);
		const [market, category, from, to, rate, confidence, source] = rec as [
			string,
			string,
			string,
			string,
			string,
			string,
			string
		];
		if (!market) throw new Error(`${where}: empty market`);
		if (!Object.hasOwn(TIER_CATEGORIES, category))
			throw new Error(
				`${where}: "${category}" has no volume tiers (utility, authentication, authentication_international)`
			);
		if (!isConfidence(confidence)) throw new Error(`${where}: unknown confidence "${confidence}"`);
		if (!COUNT.test(from)) throw new Error(`${where}: from "${from}" is not a whole number`);
		if (to !== '' && !COUNT.test(to)) throw new Error(`${where}: to "${to}" is not a whole number or empty`);
		if (to !== '' && Number(to) < Number(from)) throw new Error(`${where}: to ${to} is below from ${from}`);
		try {
			parseDecimalMicros(rate);
		} catch (e) {
			throw new Error(`${where}: ${(e as Error).message}`, { cause: e });
		}
		if (!source) throw new Error(`${where}: every tier names its source`);
		return {
			market,
			category: category as TierCategory,
			from: Number(from),
			to: to === '' ? null : Number(to),
			rate,
			confidence,
			source
		};
	});
	checkTierOrder(file, rows);
	const name = file.slice('tiers/'.length);
	return {
		id: name.slice(0, -4),
		effectiveFrom: m[1] as string,
		currency: m[2] ?? 'USD',
		file: name,
		rows
	};
}

/** Within one market and category the tiers must not overlap, and only the last may be open-ended. */
function checkTierOrder(file: string, rows: readonly TierRow[]): void {
	const groups = new Map<string, TierRow[]>();
	for (const r of rows)
		groups.set(`${r.market} ${r.category}`, [...(groups.get(`${r.market} ${r.category}`) ?? []), r]);
	for (const [key, list] of groups) {
		const sorted = [...list].sort((a, b) => a.from - b.from);
		sorted.forEach((r, i) => {
			const next = sorted[i + 1];
			if (!next) return;
			if (r.to === null || r.to >= next.from)
				throw new Error(`${file}: ${key} tiers from ${r.from} and from ${next.from} overlap`);
		});
	}
}

export function marketRowsFromCsv(text: string): MarketRow[] {
	const [header, ...records] = parseCsv(text);
	checkHeader(MARKETS_FILE, header, MARKET_HEADER);
	const rows = records.map((rec, i): MarketRow => {
		const where = `${MARKETS_FILE} line ${i + 2}`;
		if (rec.length !== MARKET_HEADER.length) throw new Error(`${where}: ${rec.length} fields, expected 5`);
		const [market, iso2, prefix, from, until] = rec as [string, string, string, string, string];
		if (!market) throw new Error(`${where}: empty market`);
		if (!/^[A-Z]{2}$/.test(iso2)) throw new Error(`${where}: "${iso2}" is not an ISO 3166-1 alpha-2 code`);
		if (!/^\d*$/.test(prefix))
			throw new Error(`${where}: calling code prefix "${prefix}" is not digits only`);
		for (const d of [from, until]) {
			if (d !== '' && !isIsoDate(d)) throw new Error(`${where}: "${d}" is not a YYYY-MM-DD date`);
		}
		if (from !== '' && until !== '' && from >= until)
			throw new Error(`${where}: from ${from} is not before until ${until}`);
		return { market, iso2, prefix, from: from || null, until: until || null };
	});
	checkMarketOverlaps(rows);
	return rows;
}

const overlaps = (a: MarketRow, b: MarketRow): boolean =>
	(a.from === null || b.until === null || a.from < b.until) &&
	(b.from === null || a.until === null || b.from < a.until);

/** Two rows in force at the same time for one country or one prefix must agree on the market. */
function checkMarketOverlaps(rows: readonly MarketRow[]): void {
	for (let i = 0; i < rows.length; i++) {
		for (let j = i + 1; j < rows.length; j++) {
			const a = rows[i] as MarketRow;
			const b = rows[j] as MarketRow;
			const shared = a.iso2 === b.iso2 || (a.prefix !== '' && a.prefix === b.prefix);
			if (shared && a.market !== b.market && overlaps(a, b)) {
				throw new Error(
					`markets.csv: ${a.iso2}/${a.prefix} → ${a.market} and ${b.iso2}/${b.prefix} → ${b.market} overlap in time`
				);
			}
		}
	}
}

/** All CSVs of the directory → data; every market named on a card must exist in markets.csv. */
export function buildData(files: readonly SourceFile[]): BuiltData {
	const marketsFile = files.find((f) => f.name === MARKETS_FILE);
	if (!marketsFile) throw new Error(`${MARKETS_FILE} is missing`);
	const markets = marketRowsFromCsv(marketsFile.text);
	const marketNames = new Set(markets.map((r) => r.market));
	const byName = (a: SourceFile, b: SourceFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
	const tiers = files
		.filter((f) => f.name.startsWith('tiers/'))
		.sort(byName)
		.map((f) => tierTableFromCsv(f.name, f.text));
	for (const table of tiers)
		for (const row of table.rows)
			if (!marketNames.has(row.market))
				throw new Error(`tiers/${table.file}: market "${row.market}" is not in ${MARKETS_FILE}`);
	const cards = files
		.filter((f) => f.name !== MARKETS_FILE && !f.name.startsWith('tiers/'))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
		.map((f) => rateCardFromCsv(f.name, f.text));
	for (const card of cards) {
		for (const row of card.rows) {
			if (!marketNames.has(row.market)) {
				throw new Error(
					`${card.file}: market "${row.market}" is not in ${MARKETS_FILE} (a typo would never match)`
				);
			}
		}
	}
	return { cards, markets, tiers };
}

/** A TypeScript string literal, single-quoted unless that needs more escapes (as Prettier does). */
function tsString(s: string): string {
	const escaped = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
	const singles = (s.match(/'/g) ?? []).length;
	const doubles = (s.match(/"/g) ?? []).length;
	if (singles > doubles) return `"${escaped.replace(/"/g, '\\"')}"`;
	return `'${escaped.replace(/'/g, "\\'")}'`;
}

const tsNullable = (s: string | null): string => (s === null ? 'null' : tsString(s));

function header(what: string): string {
	return [
		'/**',
		` * ${what}`,
		' *',
		' * GENERATED by scripts/build-data.ts from ../shared/rate-cards (npm run data). Do not edit: change the',
		' * CSV files and regenerate. The sources of every figure are in the rows; the CSV conventions are in',
		' * ../shared/rate-cards/README.md.',
		' */'
	].join('\n');
}

/** A list of strings, one a line, as a TypeScript array body. */
const stringLines = (values: readonly string[]): string[] =>
	values.map((v, i) => `\t${tsString(v)}${i < values.length - 1 ? ',' : ''}`);

/** A packed entry (src/lib/domain/data/packed.ts) written one field a line. */
const packedEntry = (fields: readonly string[], last: boolean): string[] => [
	'\t[',
	...fields.map((f, i) => `\t\t${tsString(f)}${i < fields.length - 1 ? ',' : ''}`),
	`\t]${last ? '' : ','}`
];

/** A module of packed tables (src/lib/domain/data/packed.ts): names each once, then the tables. */
function renderPackedModule(m: {
	what: string;
	typeImport: string;
	unpackImport: string;
	sources: readonly string[];
	markets: readonly string[];
	fields: string;
	packedType: string;
	packed: readonly (readonly string[])[];
	exportLine: string;
}): string {
	return [
		header(m.what),
		`import type { ${m.typeImport} } from '../data-types';`,
		`import { ${m.unpackImport}, type ${m.packedType} } from './packed';`,
		'',
		'/** Sources, each once; rows refer to them by index. */',
		'const S: readonly string[] = [',
		...stringLines(m.sources),
		'];',
		'',
		'/** Markets, each once; rows refer to them by index. */',
		'const M: readonly string[] = [',
		...stringLines(m.markets),
		'];',
		'',
		`/** ${m.fields} */`,
		`const PACKED: readonly ${m.packedType}[] = [`,
		...m.packed.flatMap((p, i) => packedEntry(p, i === m.packed.length - 1)),
		'];',
		'',
		m.exportLine,
		''
	].join('\n');
}

/** Rate cards packed by column: unpacked to RateCardData when the module loads. */
export function renderRateCardsModule(cards: readonly RateCardData[]): string {
	const sources = namesOf(cards.flatMap((c) => c.rows.map((r) => r.source)));
	const markets = namesOf(cards.flatMap((c) => c.rows.map((r) => r.market)));
	return renderPackedModule({
		what: 'Meta list rates (tier 0, before tax and mark-up), one entry per rate-card CSV file.',
		typeImport: 'RateCardData',
		unpackImport: 'unpackCards',
		sources,
		markets,
		fields:
			'Per card: id, effective date, currency, model, file; then the columns market, category, rate, confidence, source.',
		packedType: 'PackedCard',
		packed: packCards(cards, markets, sources),
		exportLine: 'export const RATE_CARDS: readonly RateCardData[] = unpackCards(PACKED, M, S);'
	});
}

export function renderMarketsModule(rows: readonly MarketRow[]): string {
	const out = [
		header(
			'Recipient country → Meta pricing market, per calling-code prefix and period (from inclusive, until exclusive).'
		),
		"import type { MarketRow } from '../data-types';",
		'',
		'export const MARKET_ROWS: readonly MarketRow[] = ['
	];
	rows.forEach((r, i) => {
		const fields = [
			`market: ${tsString(r.market)}`,
			`iso2: ${tsString(r.iso2)}`,
			`prefix: ${tsString(r.prefix)}`,
			`from: ${tsNullable(r.from)}`,
			`until: ${tsNullable(r.until)}`
		];
		out.push(`\t{ ${fields.join(', ')} }${i < rows.length - 1 ? ',' : ''}`);
	});
	out.push('];', '');
	return out.join('\n');
}

/**
 * Tier tables packed by column like the rate cards (a table repeats one long source on every row;
 * written out it would more than double the module for the browser to download).
 */
export function renderTiersModule(tables: readonly TierTableData[]): string {
	const sources = namesOf(tables.flatMap((t) => t.rows.map((r) => r.source)));
	const markets = namesOf(tables.flatMap((t) => t.rows.map((r) => r.market)));
	return renderPackedModule({
		what: 'Meta volume-tier tables (per-message rates by monthly count), one entry per tiers/*.csv file.',
		typeImport: 'TierTableData',
		unpackImport: 'unpackTiers',
		sources,
		markets,
		fields:
			'Per table: id, effective date, currency, file; then the columns market, category, from, to, rate, confidence, source.',
		packedType: 'PackedTiers',
		packed: packTiers(tables, markets, sources),
		exportLine: 'export const TIER_TABLES: readonly TierTableData[] = unpackTiers(PACKED, M, S);'
	});
}
