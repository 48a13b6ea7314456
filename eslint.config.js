import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Layers, one direction: routes → ui/timeline/state → engine/storage → domain. */
const restrict = (patterns) => ({ rules: { 'no-restricted-imports': ['error', { patterns }] } });
const uiLibs = ['svelte', 'svelte/*', '$app/*', 'd3', 'd3-*', 'dexie', '@xstate/svelte'];

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
	{
		files: ['src/lib/domain/**'],
		...restrict([
			{
				group: [
					...uiLibs,
					'xstate',
					'$lib/engine/*',
					'$lib/storage/*',
					'$lib/ui/*',
					'$lib/timeline/*',
					'$lib/state/*',
					'**/engine/*',
					'**/storage/*',
					'**/ui/*',
					'**/timeline/*',
					'**/state/*'
				],
				message: 'domain is pure TypeScript: it imports nothing from the layers above or UI libraries.'
			}
		])
	},
	{
		files: ['src/lib/engine/**'],
		...restrict([
			{
				group: [
					...uiLibs,
					'$lib/storage/*',
					'$lib/ui/*',
					'$lib/timeline/*',
					'$lib/state/*',
					'**/storage/*',
					'**/ui/*',
					'**/timeline/*',
					'**/state/*'
				],
				message: 'engine depends on domain only.'
			}
		])
	},
	{
		files: ['src/lib/storage/**'],
		...restrict([
			{
				group: [
					'svelte',
					'svelte/*',
					'$app/*',
					'd3',
					'@xstate/svelte',
					'$lib/ui/*',
					'$lib/timeline/*',
					'$lib/state/*',
					'**/ui/*',
					'**/timeline/*',
					'**/state/*'
				],
				message: 'storage depends on domain (and engine) only.'
			}
		])
	},
	{
		files: ['src/lib/ui/**', 'src/lib/timeline/**', 'src/lib/state/**', 'src/routes/**'],
		...restrict([{ group: ['dexie'], message: 'Only src/lib/storage talks to the database.' }])
	},
	{
		files: ['src/cli/**'],
		...restrict([{ group: [...uiLibs], message: 'The CLI runs the engine in Node: no UI libraries.' }])
	}
);
