/**
 * A small seeded pseudo-random generator (mulberry32), so that the demo data and the generated
 * illustrations are the same on every run and every machine.
 */

/** A 32-bit hash of a text (cyrb-style mixing), to turn a string seed into a number. */
export function hashSeed(text: string): number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ code, 2654435761);
		h2 = Math.imul(h2 ^ code, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (h1 ^ h2) >>> 0;
}

/** The mulberry32 generator: numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export type Random = {
	/** A number in [0, 1). */
	next(): number;
	/** An integer between min and max, both included. */
	int(min: number, max: number): number;
	/** A number between min (included) and max (excluded). */
	between(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	chance(probability: number): boolean;
	/** A random-looking identifier of letters and digits. */
	id(length: number): string;
	/** A random-looking (version 4 layout) UUID. */
	uuid(): string;
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function createRandom(seed: number | string): Random {
	const next = mulberry32(typeof seed === 'string' ? hashSeed(seed) : seed);
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const hex = (length: number) => {
		let out = '';
		for (let i = 0; i < length; i++) out += int(0, 15).toString(16);
		return out;
	};
	return {
		next,
		int,
		between: (min, max) => min + next() * (max - min),
		pick: (items) => {
			if (items.length === 0) throw new Error('pick from an empty list');
			return items[int(0, items.length - 1)];
		},
		chance: (probability) => next() < probability,
		id: (length) => {
			let out = '';
			for (let i = 0; i < length; i++) out += ALPHABET[int(0, ALPHABET.length - 1)];
			return out;
		},
		uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`
	};
}
