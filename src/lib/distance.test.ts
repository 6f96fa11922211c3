import { describe, expect, it } from 'vitest';
import { formatDistance } from './distance.ts';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDistance', () => {
	it('writes metres under a kilometre, to 10 m, never 0', () => {
		expect(plain(formatDistance(0))).toBe('10 m');
		expect(plain(formatDistance(0.3449))).toBe('340 m');
		expect(plain(formatDistance(0.994))).toBe('990 m');
	});

	it('writes tenths of a kilometre with the decimal mark of the language', () => {
		expect(plain(formatDistance(0.996))).toBe('1,0 km');
		expect(plain(formatDistance(1.2345))).toBe('1,2 km');
		expect(plain(formatDistance(1.2345, 'en'))).toBe('1.2 km');
		expect(plain(formatDistance(9.94))).toBe('9,9 km');
	});

	it('writes whole kilometres from 10 km, digits grouped as the language does', () => {
		expect(plain(formatDistance(9.96))).toBe('10 km');
		expect(plain(formatDistance(42.5))).toBe('43 km');
		expect(plain(formatDistance(15253.2))).toBe('15 253 km');
		expect(plain(formatDistance(15253.2, 'en'))).toBe('15,253 km');
	});

	it('keeps the number and its unit together', () => {
		expect(formatDistance(1.2)).toBe('1,2\u00a0km');
	});
});
