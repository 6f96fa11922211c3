import { describe, expect, it } from 'vitest';
import { TARGET_GAP, groupByScreenDistance, targetBox, type ScreenGroup } from './cluster.ts';

type Spot = { name: string; x: number; y: number };
const group = (spots: Spot[]) => groupByScreenDistance(spots, (spot) => spot);
const names = (groups: ScreenGroup<Spot>[]) => groups.map((g) => g.members.map((member) => member.name));

/** WCAG 2.5.8 as axe checks it: every target at least 24×24 px, none covering or touching another. */
function assertTargetsApart(groups: ScreenGroup<Spot>[]) {
	const boxes = groups.map(targetBox);
	for (const box of boxes) {
		expect(box.right - box.left).toBeGreaterThanOrEqual(24);
		expect(box.bottom - box.top).toBeGreaterThanOrEqual(24);
	}
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const [a, b] = [boxes[i], boxes[j]];
			const apart =
				a.right + TARGET_GAP <= b.left ||
				b.right + TARGET_GAP <= a.left ||
				a.bottom + TARGET_GAP <= b.top ||
				b.bottom + TARGET_GAP <= a.top;
			expect(apart, `${JSON.stringify(a)} and ${JSON.stringify(b)}`).toBe(true);
		}
	}
}

describe('grouping map markers whose targets would overlap', () => {
	it('keeps markers far apart as single pins, in their order', () => {
		const spots = [
			{ name: 'a', x: 0, y: 0 },
			{ name: 'b', x: 100, y: 0 },
			{ name: 'c', x: 0, y: 100 }
		];
		expect(names(group(spots))).toEqual([['a'], ['b'], ['c']]);
		assertTargetsApart(group(spots));
	});

	it('groups shops of one street into one badge placed in their middle', () => {
		const spots = [
			{ name: 'bakery', x: 200, y: 200 },
			{ name: 'farm', x: 20, y: 20 },
			{ name: 'butcher', x: 202, y: 203 },
			{ name: 'grocer', x: 190, y: 210 }
		];
		const groups = group(spots);
		expect(names(groups)).toEqual([['bakery', 'butcher', 'grocer'], ['farm']]);
		expect(groups[0]).toMatchObject({ x: 196, y: 205 });
		assertTargetsApart(groups);
	});

	it('two pins side by side closer than a pin’s width are grouped; a pin’s width plus the gap apart, they are not', () => {
		expect(
			names(
				group([
					{ name: 'a', x: 0, y: 0 },
					{ name: 'b', x: 28 + TARGET_GAP - 1, y: 0 }
				])
			)
		).toEqual([['a', 'b']]);
		expect(
			names(
				group([
					{ name: 'a', x: 0, y: 0 },
					{ name: 'b', x: 28 + TARGET_GAP, y: 0 }
				])
			)
		).toEqual([['a'], ['b']]);
	});

	it('merges again when a new badge lands on a neighbour, until every target stands apart', () => {
		// A dense, uneven town: a chain of pins each just too close to the next.
		const spots = Array.from({ length: 40 }, (_, i) => ({ name: `s${i}`, x: (i * 37) % 300, y: Math.floor(i / 8) * 30 + (i % 3) * 7 }));
		const groups = group(spots);
		assertTargetsApart(groups);
		expect(groups.flatMap((g) => g.members).length).toBe(40);
		for (const g of groups) expect(g.members).toEqual([...g.members].sort((a, b) => spots.indexOf(a) - spots.indexOf(b)));
	});
});
