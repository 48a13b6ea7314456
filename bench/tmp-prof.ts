import { generateScenario } from './generate';
import { replay } from '../src/lib/engine/replay';
const s = generateScenario(1_000);
for (let i = 0; i < 30; i++) replay(s);
const t0 = performance.now();
for (let i = 0; i < 100; i++) replay(s);
console.log('replay 1k avg', ((performance.now() - t0) / 100).toFixed(2), 'ms');
