import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { originDistanceKm, countIntermediaries, isShortCircuit, SUPPLY_CHAIN_ROLES } from './rules.ts';

// Reference great-circle distances (mean Earth radius), from published city-centre coordinates.
const CITIES = {
	paris: { latitude: 48.8566, longitude: 2.3522 },
	lyon: { latitude: 45.764, longitude: 4.8357 },
	marseille: { latitude: 43.2965, longitude: 5.3698 },
	tours: { latitude: 47.3941, longitude: 0.6848 },
	lille: { latitude: 50.6292, longitude: 3.0573 },
	bordeaux: { latitude: 44.8378, longitude: -0.5792 }
};

describe('origin distance', () => {
	it.each([
		['paris', 'lyon', 391.5],
		['paris', 'marseille', 660.5],
		['paris', 'tours', 204.5],
		['lille', 'bordeaux', 700.0],
		['lyon', 'marseille', 277.5]
	] as const)('%s → %s is within 1 %% of %s km', (a, b, km) => {
		const d = originDistanceKm(CITIES[a], CITIES[b])!;
		expect(Math.abs(d - km) / km).toBeLessThan(0.01);
	});

	it('is unknown without both positions', () => {
		expect(originDistanceKm(null, CITIES.paris)).toBeNull();
		expect(originDistanceKm(CITIES.paris, null)).toBeNull();
	});

	const point = fc.record({
		latitude: fc.double({ min: -90, max: 90, noNaN: true }),
		longitude: fc.double({ min: -180, max: 180, noNaN: true })
	});
	it('is symmetric, zero for one place, never negative nor beyond half the Earth', () => {
		fc.assert(
			fc.property(point, point, (a, b) => {
				const d = originDistanceKm(a, b)!;
				expect(d).toBeGreaterThanOrEqual(0);
				expect(d).toBeLessThanOrEqual(20015.2);
				expect(originDistanceKm(b, a)).toBe(d);
				expect(originDistanceKm(a, a)).toBe(0);
			})
		);
	});

	it('obeys the triangle inequality (within rounding)', () => {
		fc.assert(
			fc.property(point, point, point, (a, b, c) => {
				expect(originDistanceKm(a, c)!).toBeLessThanOrEqual(originDistanceKm(a, b)! + originDistanceKm(b, c)! + 0.2);
			})
		);
	});
});

describe('intermediaries and short circuit', () => {
	const steps = fc.array(fc.record({ role: fc.constantFrom(...SUPPLY_CHAIN_ROLES) }), { maxLength: 6 });

	it('a producer selling its own production directly: no intermediary, short circuit', () => {
		expect(countIntermediaries({ hasProducer: true, sellerIsProducer: true, steps: [] })).toBe(0);
		expect(isShortCircuit(0)).toBe(true);
	});

	it("a shop selling a farm's product: one intermediary, still short circuit", () => {
		expect(countIntermediaries({ hasProducer: true, sellerIsProducer: false, steps: [{ role: 'producer' }] })).toBe(1);
		expect(isShortCircuit(1)).toBe(true);
	});

	it('through a wholesaler: two intermediaries, not short circuit', () => {
		const n = countIntermediaries({ hasProducer: true, sellerIsProducer: false, steps: [{ role: 'producer' }, { role: 'wholesaler' }] });
		expect(n).toBe(2);
		expect(isShortCircuit(n)).toBe(false);
	});

	it('claims nothing without a producer', () => {
		expect(countIntermediaries({ hasProducer: false, sellerIsProducer: false, steps: [] })).toBeNull();
		expect(isShortCircuit(null)).toBe(false);
	});

	it('adding a non-producer step adds exactly one intermediary; the badge never comes back by adding hands', () => {
		fc.assert(
			fc.property(
				steps,
				fc.boolean(),
				fc.constantFrom('processor', 'wholesaler', 'carrier', 'cooperative' as const),
				(chain, own, role) => {
					const before = countIntermediaries({ hasProducer: true, sellerIsProducer: own, steps: chain })!;
					const after = countIntermediaries({ hasProducer: true, sellerIsProducer: own, steps: [...chain, { role }] })!;
					expect(after).toBe(before + 1);
					if (!isShortCircuit(before)) expect(isShortCircuit(after)).toBe(false);
					expect(isShortCircuit(before)).toBe(before <= 1);
				}
			)
		);
	});
});
