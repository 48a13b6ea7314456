import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SCENARIO_EVENTS } from '$lib/domain/scenario';
import {
	bigScenario,
	dumpDatabase,
	freshStorage,
	teardownStorage,
	useCase,
	type FreshDb
} from '../../../tests/fixtures/storage/fresh-db';
import {
	MAX_IMPORT_BYTES,
	RUNS_FORMAT,
	exportRuns,
	importRunsFile,
	readImportText,
	toRunsFile,
	type ImportSource
} from './exchange';
import { closeStorage } from './availability';
import { getRun, getRuns, saveRun } from './runs-repo';
import { countRuns } from './runs-query';

let db: FreshDb;
beforeEach(async () => {
	db = await freshStorage();
});
afterEach(async () => {
	await teardownStorage();
});

const source = (text: string): ImportSource => ({
	size: new TextEncoder().encode(text).length,
	text: () => Promise.resolve(text)
});
const json = (data: unknown) => source(JSON.stringify(data));

async function seed(): Promise<string[]> {
	const a = await saveRun({ scenario: useCase(0) });
	const b = await saveRun({ scenario: useCase(4), name: 'Second <i>run</i>', notes: 'keep me' });
	return [a.id, b.id];
}

describe('export', () => {
	it('writes wa-pricing-runs/1 with metadata, decimal money and the scenario', async () => {
		const [id] = await seed();
		const file = await exportRuns([id!]);
		expect(file.count).toBe(1);
		expect(file.filename).toMatch(/\.wa-runs\.json$/);
		const data = JSON.parse(await file.blob.text());
		expect(data.format).toBe(RUNS_FORMAT);
		expect(typeof data.app_version).toBe('string');
		expect(Date.parse(data.exported_at)).not.toBeNaN();
		expect(data.runs).toHaveLength(1);
		expect(data.runs[0].summary.total).toBe('0.0380');
		expect(data.runs[0].scenario).toEqual(useCase(0));
	});

	it('exports all runs; nothing to export is an error, not an empty file', async () => {
		await expect(exportRuns()).rejects.toThrow(/no saved runs/);
		await seed();
		expect((await exportRuns()).count).toBe(2);
	});
});

describe('import round trip', () => {
	it('export → clear the storage → import gives back the same runs', async () => {
		await seed();
		const before = await getRuns();
		const text = await (await exportRuns()).blob.text();
		await closeStorage();
		await freshStorage();
		expect(await countRuns()).toBe(0);
		const report = await importRunsFile(source(text));
		expect(report.ok).toBe(true);
		expect(report.rejected).toEqual([]);
		expect(report.imported.sort()).toEqual(before.map((r) => r.name).sort());
		for (const run of before) {
			const back = await getRun(run.id);
			expect(back).toEqual({ ...run, createdAt: Math.floor(run.createdAt), updatedAt: run.updatedAt });
		}
	});

	it('importing into a library that has the runs adds copies, never overwrites', async () => {
		await seed();
		const text = await (await exportRuns()).blob.text();
		const report = await importRunsFile(source(text));
		expect(report.ok).toBe(true);
		expect(report.message).toMatch(/already existed/);
		expect(await countRuns()).toBe(4);
	});

	it('accepts a bare scenario file and prices it', async () => {
		const report = await importRunsFile(json(useCase(2)));
		expect(report).toMatchObject({ ok: true, imported: [useCase(2).name] });
		const run = await getRun(report.ids[0]!);
		expect(run?.summary.total).toBe(41100);
		expect(run?.scenario).toEqual(useCase(2));
	});

	it('a run without summary is replayed; names with markup stay text', async () => {
		const name = '<script>alert("x")</script><img src=x onerror=alert(1)>';
		const report = await importRunsFile(
			json({ format: RUNS_FORMAT, runs: [{ name, scenario: useCase(3) }] })
		);
		expect(report.ok).toBe(true);
		const run = await getRun(report.ids[0]!);
		expect(run?.name).toBe(name);
		expect(run?.total).toBe(41100);
	});

	it('takes thousands of events', async () => {
		const scenario = bigScenario(5_000);
		const report = await importRunsFile(json({ format: RUNS_FORMAT, runs: [{ scenario }] }));
		expect(report.ok).toBe(true);
		expect((await getRun(report.ids[0]!))?.eventCount).toBe(5_000);
	}, 30_000);
});

describe('import refusals write nothing', () => {
	it('all or nothing: one invalid run among valid ones → nothing written, each bad run named', async () => {
		await seed();
		const before = await dumpDatabase(db.factory);
		const file = {
			format: RUNS_FORMAT,
			runs: [
				{ name: 'good', scenario: useCase(0) },
				{
					name: 'bad time',
					scenario: { ...useCase(1), events: [{ at: 'yesterday', type: 'customer_message' }] }
				},
				{ name: 'good too', scenario: useCase(2) },
				{ name: 42, scenario: useCase(2) }
			]
		};
		const report = await importRunsFile(json(file));
		expect(report.ok).toBe(false);
		expect(report.imported).toEqual([]);
		expect(report.rejected).toEqual([
			{
				index: 1,
				name: 'bad time',
				reason: expect.stringMatching(/^scenario\.events\.0\.at: must be an ISO 8601 instant/)
			},
			{ index: 3, name: undefined, reason: 'name: must be a string' }
		]);
		expect(report.message).toMatch(
			/Nothing was imported: 2 runs of 4 are invalid\. Imports are all or nothing/
		);
		expect(await dumpDatabase(db.factory)).toEqual(before);
	});

	it('checks the size before reading the file', async () => {
		let read = false;
		const huge: ImportSource = {
			size: MAX_IMPORT_BYTES + 1,
			text: () => {
				read = true;
				return Promise.resolve('{}');
			}
		};
		const report = await importRunsFile(huge);
		expect(read).toBe(false);
		expect(report.ok).toBe(false);
		expect(report.rejected[0]).toMatchObject({
			index: null,
			reason: expect.stringMatching(/limit is 20\.0 MB/)
		});
	});

	it('names the format problem: newer version, other file, missing runs', () => {
		expect(
			readImportText(JSON.stringify({ format: 'wa-pricing-runs/2', runs: [] })).rejected[0]?.reason
		).toMatch(/newer version of this app/);
		expect(readImportText(JSON.stringify({ format: 'something/1' })).rejected[0]?.reason).toMatch(
			/^format: must be "wa-pricing-runs\/1"/
		);
		expect(readImportText(JSON.stringify({ format: RUNS_FORMAT })).rejected[0]?.reason).toMatch(/^runs: /);
		expect(readImportText(JSON.stringify({ format: RUNS_FORMAT, runs: [] })).rejected[0]?.reason).toMatch(
			/^runs: holds no runs/
		);
		expect(readImportText('{"format":').rejected[0]?.reason).toMatch(
			/^file: is not valid JSON\. Import a runs file/
		);
		expect(readImportText('[1,2]').rejected[0]?.index).toBeNull();
	});

	it('refuses a scenario over the event limit', () => {
		const events = Array.from({ length: MAX_SCENARIO_EVENTS + 1 }, () => ({
			at: '2024-01-01T00:00:00Z',
			type: 'customer_message'
		}));
		const { runs, rejected } = readImportText(
			JSON.stringify({ format: RUNS_FORMAT, runs: [{ scenario: { ...useCase(0), events } }] })
		);
		expect(runs).toEqual([]);
		expect(rejected[0]?.reason).toMatch(/^scenario\.events: must hold at most 200000 events/);
	}, 30_000);

	it('a summary with wrong types is refused and named', () => {
		const valid = toRunsFile([]);
		const bad = { ...valid, runs: [{ scenario: useCase(0), summary: { currency: 'USD', total: 0.03 } }] };
		expect(readImportText(JSON.stringify(bad)).rejected[0]?.reason).toBe(
			'summary.total: must be a decimal string'
		);
	});
});

describe('import refuses what looks valid but is not (issue 8)', () => {
	const atFeb30 = () => {
		const s = useCase(0);
		return { ...s, events: s.events.map((e, i) => (i === 0 ? { ...e, at: '2025-02-30T10:00:00Z' } : e)) };
	};
	it.each([
		[
			'UK market',
			() => ({ ...useCase(0), market: 'UK' }),
			'scenario.market: UK is not an ISO 3166-1 country code: did you mean GB?'
		],
		[
			'+999 market',
			() => ({ ...useCase(0), market: '+999 123 4567' }),
			/^scenario\.market: calling code 999 is not assigned/
		],
		['2025-02-30', atFeb30, 'scenario.events.0.at: 2025-02-30 is not a date: February 2025 has 28 days']
	])('a run with a %s is refused, named, and nothing is written', async (_label, scenario, reason) => {
		await seed();
		const before = await dumpDatabase(db.factory);
		const report = await importRunsFile(
			json({
				format: RUNS_FORMAT,
				runs: [
					{ name: 'good', scenario: useCase(1) },
					{ name: 'bad', scenario: scenario() }
				]
			})
		);
		expect(report.ok).toBe(false);
		expect(report.imported).toEqual([]);
		expect(report.rejected).toHaveLength(1);
		expect(report.rejected[0]).toMatchObject({ index: 1, name: 'bad' });
		if (typeof reason === 'string') expect(report.rejected[0]?.reason).toBe(reason);
		else expect(report.rejected[0]?.reason).toMatch(reason);
		expect(await dumpDatabase(db.factory)).toEqual(before);
	});

	it('a bare scenario file with a UK market is refused the same way', async () => {
		const before = await dumpDatabase(db.factory);
		const report = await importRunsFile(json({ ...useCase(0), market: 'UK' }));
		expect(report.ok).toBe(false);
		expect(report.rejected[0]?.reason).toMatch(/^market: .*did you mean GB\?$/);
		expect(await dumpDatabase(db.factory)).toEqual(before);
	});
});

describe('property: a malformed file never changes the database', () => {
	const validEntry = () => ({ name: 'valid', scenario: useCase(0) });
	/** Files that must be refused: random JSON, wrong formats, runs with a broken field. */
	const malformed = fc.oneof(
		fc.jsonValue().filter((v) => !(typeof v === 'object' && v !== null && 'format' in v)),
		fc.record({
			format: fc.string().filter((s) => s !== RUNS_FORMAT && s !== 'wa-pricing-scenario/1'),
			runs: fc.constant([validEntry()])
		}),
		fc.record({
			format: fc.constant(RUNS_FORMAT),
			runs: fc.oneof(fc.constant([]), fc.string(), fc.integer(), fc.constant(null))
		}),
		fc
			.tuple(
				fc.nat({ max: 3 }),
				fc.constantFrom(
					'name',
					'notes',
					'created_at',
					'id',
					'summary',
					'scenario',
					'scenario.events',
					'scenario.market',
					'scenario.format',
					'scenario.timezone'
				),
				fc.oneof(
					fc.integer(),
					fc.constant(null),
					fc.boolean(),
					fc.constant(''),
					fc.constant('<script>alert(1)</script>'),
					fc.constant([1]),
					fc.constant({})
				)
			)
			.map(([at, field, value]) => {
				const runs: Record<string, unknown>[] = [
					validEntry(),
					validEntry(),
					validEntry(),
					validEntry()
				].slice(0, at + 1);
				const target = runs[at]!;
				const [head, tail] = field.split('.') as [string, string | undefined];
				if (tail) target[head] = { ...(target[head] as object), [tail]: value };
				else target[head] = value;
				return { format: RUNS_FORMAT, runs };
			})
			// Some of these happen to be valid (an empty notes string, a markup-only name): keep only the broken ones.
			.filter((file) => readImportText(JSON.stringify(file)).rejected.length > 0),
		fc.record({
			format: fc.constant('wa-pricing-scenario/1'),
			name: fc.oneof(fc.constant(''), fc.integer()),
			events: fc.constant([])
		})
	);

	it('rejects, reports, and leaves count and contents untouched', async () => {
		await seed();
		const before = await dumpDatabase(db.factory);
		await fc.assert(
			fc.asyncProperty(malformed, async (file) => {
				const report = await importRunsFile(json(file));
				expect(report.ok).toBe(false);
				expect(report.imported).toEqual([]);
				expect(report.rejected.length).toBeGreaterThan(0);
				for (const r of report.rejected) expect(r.reason.length).toBeGreaterThan(3);
				expect(await countRuns()).toBe(2);
				expect(await dumpDatabase(db.factory)).toEqual(before);
			}),
			{ numRuns: 120 }
		);
	}, 60_000);

	it('random bytes and oversized files (fake size) are refused the same way', async () => {
		await seed();
		const before = await dumpDatabase(db.factory);
		await fc.assert(
			fc.asyncProperty(
				fc.string({ maxLength: 200 }),
				fc.nat({ max: 10 * MAX_IMPORT_BYTES }),
				async (text, extra) => {
					const oversized: ImportSource = {
						size: MAX_IMPORT_BYTES + 1 + extra,
						text: () => Promise.reject(new Error('read'))
					};
					expect((await importRunsFile(oversized)).ok).toBe(false);
					const random = await importRunsFile(source(text));
					expect(random.ok).toBe(false);
					expect(await dumpDatabase(db.factory)).toEqual(before);
				}
			),
			{ numRuns: 80 }
		);
	}, 60_000);

	it('valid names, any characters: imported as given, as text', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0),
				async (name) => {
					const report = await importRunsFile(
						json({ format: RUNS_FORMAT, runs: [{ name, scenario: useCase(1) }] })
					);
					expect(report.ok).toBe(true);
					expect((await getRun(report.ids[0]!))?.name).toBe(name.replace(/\s+/g, ' ').trim());
				}
			),
			{ numRuns: 40 }
		);
	}, 60_000);
});
