import { z } from 'zod';

/**
 * Where the storefront map takes its background tiles from. Nothing by default: the map then
 * shows its markers on a plain background, and no visitor's browser contacts a third party
 * unless the operator configures a tile server (and its attribution, which most require).
 *
 * MAP_TILE_URL is a Leaflet URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`;
 * `{s}` (sub-domains) may only be the first label of the host name, so that the
 * Content-Security-Policy can allow it as `https://*.host`.
 */

export type MapSettings = {
	/** Leaflet tile URL template; null: no tiles. */
	tileUrl: string | null;
	/** Plain text shown in the corner of the map (escaped on display). */
	attribution: string | null;
};

const PLACEHOLDERS = /\{([a-z]+)\}/g;
const KNOWN_PLACEHOLDERS = new Set(['s', 'z', 'x', 'y', 'r']);

/** The origin a tile template loads from, as a CSP source (`https://*.tile.example.org`); null when it is not a valid template. */
export function tileSource(template: string): string | null {
	if (template.length > 500 || /\s/.test(template)) return null;
	const used = [...template.matchAll(PLACEHOLDERS)].map((match) => match[1]);
	if (!used.every((name) => KNOWN_PLACEHOLDERS.has(name)) || !['z', 'x', 'y'].every((name) => used.includes(name))) return null;
	const afterScheme = /^(https?):\/\/([^/?#]+)/i.exec(template);
	if (!afterScheme) return null;
	const [, scheme, authority] = afterScheme;
	const labels = authority.split('.');
	if (labels.slice(1).some((label) => label.includes('{')) || (labels[0].includes('{') && labels[0] !== '{s}')) return null;
	let url: URL;
	try {
		url = new URL(template.replace(/\{s\}/g, 'a').replace(PLACEHOLDERS, '0'));
	} catch {
		return null;
	}
	// Only plain host names reach the policy: URL parsing lets through characters such as ';' that would end a directive.
	if (url.username || url.password || !/^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/.test(url.hostname)) return null;
	const host = labels[0] === '{s}' ? `*.${url.hostname.split('.').slice(1).join('.')}` : url.hostname;
	return `${scheme.toLowerCase()}://${host}${url.port ? `:${url.port}` : ''}`;
}

const MapEnv = z.object({
	MAP_TILE_URL: z
		.string()
		.trim()
		.optional()
		.transform((value) => value || undefined)
		.refine((value) => value === undefined || tileSource(value) !== null, {
			message: 'must be an http(s) tile URL template with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png'
		}),
	MAP_TILE_ATTRIBUTION: z
		.string()
		.trim()
		.max(300)
		.optional()
		.transform((value) => value || undefined)
});

/** The map settings of an environment; throws, naming the variable, when MAP_TILE_URL is not a tile template. */
export function readMapSettings(env: NodeJS.ProcessEnv = process.env): MapSettings {
	const parsed = MapEnv.safeParse(env);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
		throw new Error(`Invalid environment settings:\n${lines.join('\n')}`);
	}
	return { tileUrl: parsed.data.MAP_TILE_URL ?? null, attribution: parsed.data.MAP_TILE_ATTRIBUTION ?? null };
}

let cached: MapSettings | undefined;
/** The process's map settings, read once. */
export function mapSettings(): MapSettings {
	cached ??= readMapSettings();
	return cached;
}

/**
 * A Content-Security-Policy that also lets images load from the tile server: its origin is
 * added to `img-src` (created from `default-src` when absent), and nowhere else. Unchanged
 * without a tile URL, or with one that is not a valid template.
 */
export function cspWithTiles(csp: string, tileUrl?: string | null): string {
	const source = tileUrl ? tileSource(tileUrl) : null;
	return source ? cspAllowingImagesFrom(csp, source) : csp;
}

/** The policy with one more image origin in `img-src` (created from `default-src` when absent). */
export function cspAllowingImagesFrom(csp: string, source: string): string {
	const directives = csp
		.split(';')
		.map((directive) => directive.trim())
		.filter(Boolean)
		.map((directive) => directive.split(/\s+/));
	const img = directives.find(([name]) => name.toLowerCase() === 'img-src');
	if (img) {
		if (img.includes("'none'")) img.splice(img.indexOf("'none'"), 1);
		if (!img.includes(source)) img.push(source);
	} else {
		const fallback = directives.find(([name]) => name.toLowerCase() === 'default-src');
		// Without default-src, images are not restricted at all: nothing to add.
		if (!fallback) return csp;
		directives.push(['img-src', ...fallback.slice(1).filter((value) => value !== "'none'"), source]);
	}
	return directives.map((directive) => directive.join(' ')).join('; ');
}
