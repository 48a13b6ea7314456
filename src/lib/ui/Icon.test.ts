import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComponentProps } from 'svelte';
import Icon from './Icon.svelte';

afterEach(cleanup);

const SVG = 'http://www.w3.org/2000/svg';
const NAMES: ComponentProps<typeof Icon>['name'][] = [
	'save',
	'link',
	'download',
	'upload',
	'upload-tray',
	'undo',
	'redo',
	'present',
	'step-back',
	'step-forward',
	'play',
	'pause',
	'sun',
	'moon',
	'monitor',
	'warning',
	'document'
];

describe('Icon', () => {
	it.each(NAMES)('%s draws SVG shapes (in the SVG namespace), hidden from assistive technology', (name) => {
		const { container } = render(Icon, { name });
		const svg = container.querySelector('svg')!;
		expect(svg.getAttribute('aria-hidden')).toBe('true');
		expect(svg.getAttribute('width')).toBe('16');
		const shapes = [...svg.children];
		expect(shapes.length).toBeGreaterThan(0);
		for (const shape of shapes) expect(shape.namespaceURI).toBe(SVG);
	});

	it('keeps the grid an icon is drawn on, whatever its size', () => {
		const { container } = render(Icon, { name: 'document', size: 44 });
		const svg = container.querySelector('svg')!;
		expect(svg.getAttribute('viewBox')).toBe('0 0 48 48');
		expect(svg.getAttribute('height')).toBe('44');
	});
});
