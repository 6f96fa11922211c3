import { describe, expect, it } from 'vitest';
import { MAP_HEIGHT, MAP_WIDTH, project } from './route-map.ts';

describe('project', () => {
	it('puts north up and east right, inside the drawing', () => {
		const [farm, shop] = project([
			{ latitude: 47.5, longitude: 0.7 },
			{ latitude: 47.3, longitude: 1.0 }
		]);
		expect(shop.x).toBeGreaterThan(farm.x);
		expect(shop.y).toBeGreaterThan(farm.y);
		for (const p of [farm, shop]) {
			expect(p.x).toBeGreaterThanOrEqual(0);
			expect(p.x).toBeLessThanOrEqual(MAP_WIDTH);
			expect(p.y).toBeGreaterThanOrEqual(0);
			expect(p.y).toBeLessThanOrEqual(MAP_HEIGHT);
		}
	});

	it('keeps proportions (a degree of longitude is shorter than one of latitude at 47°)', () => {
		const [a, b, c] = project([
			{ latitude: 47, longitude: 1 },
			{ latitude: 47, longitude: 1.1 },
			{ latitude: 47.1, longitude: 1 }
		]);
		const east = Math.hypot(b.x - a.x, b.y - a.y);
		const north = Math.hypot(c.x - a.x, c.y - a.y);
		expect(east / north).toBeCloseTo(Math.cos((47.033 * Math.PI) / 180), 2);
	});

	it('centres one point, or points at the same place, without dividing by zero', () => {
		expect(project([{ latitude: 47, longitude: 1 }])).toEqual([{ x: MAP_WIDTH / 2, y: MAP_HEIGHT / 2 }]);
		const same = project([
			{ latitude: 47, longitude: 1 },
			{ latitude: 47, longitude: 1 }
		]);
		expect(same.every((p) => p.x === MAP_WIDTH / 2 && p.y === MAP_HEIGHT / 2)).toBe(true);
		expect(project([])).toEqual([]);
	});
});
