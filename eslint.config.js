import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Layers, one direction: routes → ui → timeline / state → storage / workers → engine → domain.
 * Each folder of src/lib names the folders of ours it may import (besides itself); anything else of
 * ours — by `$lib/…` or by a relative path that climbs into another folder — is an error, type-only
 * imports included. tests/unit/layers.test.ts proves the rules bite.
 */
const OURS = ['domain', 'engine', 'workers', 'storage', 'timeline', 'state', 'ui', 'routes', 'cli'];
const uiLibs = ['svelte', 'svelte/*', '$app/*', 'd3', 'd3-*', 'dexie', '@xstate/svelte'];

/** Patterns forbidding every folder of ours outside `layer` and `may`. */
function oursExcept(layer, may, message) {
	const allowed = [layer, ...may];
	const others = OURS.filter((l) => !allowed.includes(l));
	return [
		{ regex: `^\\$lib(?:/(?!(?:${allowed.join('|')})(?:/|$))|$)`, message },
		{ regex: `^(?:\\.\\./)+(?:lib/)?(?:${others.join('|')})(?:/|$)`, message }
	];
}
/** The timeline's public surface is its index: others import '$lib/timeline', never a file inside. */
const timelineIndex = [
	{ regex: '^\\$lib/timeline/', message: "Import the timeline through '$lib/timeline' (its index.ts)." },
	{
		regex: '^(?:\\.\\./)+(?:lib/)?timeline/',
		message: "Import the timeline through '$lib/timeline' (its index.ts)."
	}
];
const noDexie = { group: ['dexie'], message: 'Only src/lib/storage talks to the database.' };
const layer = (dir, patterns) => ({
	files: [`${dir}/**`],
	rules: { 'no-restricted-imports': ['error', { patterns }] }
});

export default ts.config(
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'tmp/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'artifacts/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			// Type-aware promise rules: they catch an un-awaited database write.
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/await-thenable': 'error'
		}
	},
	layer('src/lib/domain', [
		...oursExcept('domain', [], 'domain is pure TypeScript: it imports only domain.'),
		{
			group: [...uiLibs, 'xstate'],
			message: 'domain is pure TypeScript: no UI, state-machine or database libraries.'
		}
	]),
	layer('src/lib/engine', [
		...oursExcept('engine', ['domain'], 'engine depends on domain only.'),
		{ group: uiLibs, message: 'engine runs anywhere (the CLI too): no UI or database libraries.' }
	]),
	layer('src/lib/workers', [
		// A worker may also decode a share link: that file is a pure codec (the database stays out).
		...oursExcept(
			'workers',
			['domain', 'engine', 'storage/share-link'],
			'a worker runs the engine: it depends on domain and engine only (and the share-link codec).'
		),
		{ group: uiLibs, message: 'A worker has no DOM: no UI or database libraries.' }
	]),
	layer('src/lib/storage', [
		...oursExcept('storage', ['domain', 'engine'], 'storage depends on domain and engine only.'),
		{
			group: uiLibs.filter((l) => l !== 'dexie'),
			message: 'storage is plain TypeScript over the database: no UI libraries.'
		}
	]),
	layer('src/lib/timeline', [
		...oursExcept(
			'timeline',
			['domain', 'engine'],
			'timeline depends on domain and engine only: it must not import state, ui or storage.'
		),
		noDexie,
		{ group: ['$app/*'], message: 'The timeline also runs outside SvelteKit (the benchmark page): no $app.' }
	]),
	layer('src/lib/state', [
		...oursExcept(
			'state',
			['domain', 'engine', 'workers', 'storage', 'timeline'],
			'state must not import ui (or routes).'
		),
		...timelineIndex,
		noDexie
	]),
	layer('src/lib/ui', [
		...oursExcept(
			'ui',
			['domain', 'engine', 'workers', 'storage', 'timeline', 'state'],
			'ui must not import routes.'
		),
		...timelineIndex,
		noDexie
	]),
	layer('src/routes', [...timelineIndex, noDexie]),
	layer('src/cli', [{ group: uiLibs, message: 'The CLI runs the engine in Node: no UI libraries.' }]),
	// Browser tests take Playwright's `test` from tests/helpers/test.ts: it fails a test on any
	// Content-Security-Policy violation, which a file importing '@playwright/test' would skip.
	{
		files: ['tests/e2e/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '@playwright/test',
							message: "import from '../helpers/test' (the same API, plus the CSP guard)."
						}
					]
				}
			]
		}
	}
);
