/**
 * Regenerates src/lib/domain/data/{rate-cards,markets}.generated.ts from ../shared/rate-cards/*.csv.
 * Run: `npm run data` (or `npx tsx scripts/build-data.ts`). The app never reads ../shared at run time;
 * the generated modules are committed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildData, renderMarketsModule, renderRateCardsModule } from './rate-data';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.resolve(repoRoot, '../shared/rate-cards');
const outDir = path.resolve(repoRoot, 'src/lib/domain/data');

const files = readdirSync(sourceDir)
	.filter((name) => name.endsWith('.csv'))
	.map((name) => ({ name, text: readFileSync(path.join(sourceDir, name), 'utf8') }));

const { cards, markets } = buildData(files);

writeFileSync(path.join(outDir, 'rate-cards.generated.ts'), renderRateCardsModule(cards));
writeFileSync(path.join(outDir, 'markets.generated.ts'), renderMarketsModule(markets));

const rows = cards.reduce((n, c) => n + c.rows.length, 0);
console.log(`${cards.length} rate cards (${rows} rows) and ${markets.length} market rows from ${sourceDir}`);
