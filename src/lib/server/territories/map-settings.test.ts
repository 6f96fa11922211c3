import { describe, expect, it } from 'vitest';
import { cspAllowingImagesFrom, cspWithTiles, readMapSettings, tileSource } from './map-settings.ts';

const CSP =
	"default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'";

describe('cspWithTiles', () => {
	it('leaves the policy alone without a tile URL', () => {
		expect(cspWithTiles(CSP)).toBe(CSP);
		expect(cspWithTiles(CSP, null)).toBe(CSP);
		expect(cspWithTiles(CSP, '')).toBe(CSP);
	});

	it("adds the tile server's origin to img-src, and nowhere else", () => {
		const csp = cspWithTiles(CSP, 'https://tile.openstreetmap.org/{z}/{x}/{y}.png');
		const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d]));
		expect(directives['img-src']).toBe("img-src 'self' data: blob: https://tile.openstreetmap.org");
		for (const name of ['default-src', 'script-src', 'style-src', 'connect-src', 'frame-ancestors'])
			expect(directives[name], name).not.toContain('openstreetmap');
		expect(cspWithTiles(csp, 'https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(csp);
	});

	it('allows the sub-domains of a {s} template with a wildcard, and keeps a port', () => {
		expect(cspWithTiles("img-src 'self'", 'https://{s}.tile.example.org/{z}/{x}/{y}{r}.png')).toBe(
			"img-src 'self' https://*.tile.example.org"
		);
		expect(cspWithTiles("img-src 'self'", 'http://localhost:8080/tiles/{z}/{x}/{y}.png')).toBe("img-src 'self' http://localhost:8080");
	});

	it('creates img-src from default-src when the policy has none', () => {
		expect(cspWithTiles("default-src 'self'; frame-ancestors 'none'", 'https://tiles.example.org/{z}/{x}/{y}.png')).toBe(
			"default-src 'self'; frame-ancestors 'none'; img-src 'self' https://tiles.example.org"
		);
		expect(cspWithTiles("frame-ancestors 'none'", 'https://tiles.example.org/{z}/{x}/{y}.png')).toBe("frame-ancestors 'none'");
	});

	it('ignores a URL that is not a tile template, or that tries to inject a directive', () => {
		for (const url of [
			'https://tiles.example.org/tile.png',
			'javascript:alert(1)//{z}/{x}/{y}',
			"https://a.example.org; script-src 'unsafe-inline'/{z}/{x}/{y}",
			'https://a.example.org/{z}/{x}/{y}.png script-src *',
			'https://a;script-src.example.org/{z}/{x}/{y}.png',
			"https://a'unsafe-eval'.example.org/{z}/{x}/{y}.png",
			'https://user:pass@a.example.org/{z}/{x}/{y}.png',
			'https://tile-{s}.example.org/{z}/{x}/{y}.png',
			'https://a.{s}.example.org/{z}/{x}/{y}.png',
			'https://a.example.org/{z}/{x}/{y}/{token}.png'
		])
			expect(cspWithTiles(CSP, url), url).toBe(CSP);
	});
});

describe('tileSource', () => {
	it('is the scheme and host of the template', () => {
		expect(tileSource('https://Tile.OpenStreetMap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
		expect(tileSource('https://tile.example.org/{z}/{x}/{y}.png?key=abc')).toBe('https://tile.example.org');
	});
});

describe('readMapSettings', () => {
	it('has no tiles by default', () => {
		expect(readMapSettings({})).toEqual({ tileUrl: null, attribution: null });
		expect(readMapSettings({ MAP_TILE_URL: '  ', MAP_TILE_ATTRIBUTION: '' })).toEqual({ tileUrl: null, attribution: null });
	});

	it('reads the tile template and its attribution', () => {
		expect(
			readMapSettings({
				MAP_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
				MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors'
			})
		).toEqual({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' });
	});

	it('refuses a MAP_TILE_URL that is not a tile template, naming the variable', () => {
		expect(() => readMapSettings({ MAP_TILE_URL: 'ftp://tiles.example.org/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_URL/);
		expect(() => readMapSettings({ MAP_TILE_URL: 'https://tiles.example.org/map.png' })).toThrow(/MAP_TILE_URL/);
	});
});

describe('cspAllowingImagesFrom', () => {
	it('adds the photo bucket origin to img-src only, once', () => {
		const policy = cspAllowingImagesFrom(CSP, 'https://photos.example.org');
		const img = policy.split('; ').find((d) => d.startsWith('img-src'))!;
		expect(img.split(' ')).toContain('https://photos.example.org');
		expect(policy.split('; ').filter((d) => d.includes('photos.example.org'))).toHaveLength(1);
		expect(cspAllowingImagesFrom(policy, 'https://photos.example.org')).toBe(policy);
	});
});
