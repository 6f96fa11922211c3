import { describe, expect, it } from 'vitest';
import { createRandom, hashSeed } from './random.ts';

describe('seeded random', () => {
	it('gives the same sequence for the same seed', () => {
		const a = createRandom('saint-aubin');
		const b = createRandom('saint-aubin');
		expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
	});

	it('gives different sequences for different seeds', () => {
		expect(createRandom('a').next()).not.toBe(createRandom('b').next());
		expect(hashSeed('pain')).not.toBe(hashSeed('pains'));
	});

	it('keeps integers within their bounds, both included', () => {
		const random = createRandom(42);
		const seen = new Set<number>();
		for (let i = 0; i < 1000; i++) {
			const value = random.int(3, 6);
			expect(value).toBeGreaterThanOrEqual(3);
			expect(value).toBeLessThanOrEqual(6);
			seen.add(value);
		}
		expect([...seen].sort()).toEqual([3, 4, 5, 6]);
	});

	it('makes well-formed UUIDs and identifiers', () => {
		const random = createRandom(7);
		expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(random.id(32)).toMatch(/^[A-Za-z0-9]{32}$/);
	});
});
