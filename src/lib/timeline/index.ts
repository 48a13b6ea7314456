/**
 * The timeline's public surface: what pages and ui use (the component). Everything else in this
 * folder is internal; its tests import the modules directly. eslint.config.js makes others import
 * '$lib/timeline', never a file inside.
 */
export { default as Timeline } from './Timeline.svelte';
