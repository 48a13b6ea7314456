/**
 * The bench page: ?n=10000 (generated events) or ?uc=<use case id>, ?mode=auto|svg|canvas,
 * ?theme=light|dark, ?editable=0. Exposes window.__tl for the Playwright runner's frame timing.
 */
import { useCaseById } from '$lib/domain/use-cases';
import { startApp } from './timeline-app.svelte';
import { installFrameProbe } from './timeline-probe';
import { denseScenario } from './timeline-scenario';

const q = new URLSearchParams(location.search);
const theme = q.get('theme');
if (theme) document.documentElement.dataset.theme = theme;
installFrameProbe();
const uc = q.get('uc');
startApp(document.getElementById('app') as HTMLElement, {
	scenario: (uc && useCaseById(uc)?.scenario) || denseScenario(Number(q.get('n') ?? 10_000)),
	mode: (q.get('mode') ?? 'auto') as 'auto' | 'svg' | 'canvas',
	editable: q.get('editable') !== '0'
});
