import { describe, expect, it } from 'vitest';
import { escapeXml, illustrationKinds, illustrationSvg, isIllustrationKind } from './illustration.ts';

/** A light well-formedness check: balanced tags, quoted attributes, only known entities. */
function expectWellFormed(svg: string) {
	expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"')).toBe(true);
	expect(svg.endsWith('</svg>')).toBe(true);
	expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
	expect(svg).not.toMatch(/NaN|undefined|Infinity/);
	const stack: string[] = [];
	for (const [, closing, name, , selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"<]*")*)\s*(\/?)>/g)) {
		if (selfClosing) continue;
		if (closing) expect(stack.pop()).toBe(name);
		else stack.push(name);
	}
	expect(stack).toEqual([]);
	// Nothing but tags and the text of <title> and <text>.
	const stripped = svg.replace(/<(title|text)\b[^>]*>[^<]*<\/\1>/g, '').replace(/<[^>]+>/g, '');
	expect(stripped).toBe('');
}

describe('illustrationSvg', () => {
	it('draws every kind as a well-formed 400×300 SVG', () => {
		for (const kind of illustrationKinds) expectWellFormed(illustrationSvg(kind, 'pain-complet-au-levain'));
	});

	it('is deterministic for a kind and a seed', () => {
		for (const kind of illustrationKinds) {
			expect(illustrationSvg(kind, 'tomme-de-touraine')).toBe(illustrationSvg(kind, 'tomme-de-touraine'));
		}
	});

	it('varies with the seed', () => {
		const variants = new Set(['a', 'b', 'c', 'd', 'e'].map((seed) => illustrationSvg('shop', seed)));
		expect(variants.size).toBe(5);
	});

	it('draws an unknown kind as a basket rather than failing', () => {
		expectWellFormed(illustrationSvg('hovercraft', 'x'));
		expect(isIllustrationKind('hovercraft')).toBe(false);
		expect(isIllustrationKind('bread')).toBe(true);
		expect(isIllustrationKind('toString')).toBe(false);
	});

	it('escapes the label and makes it the accessible name', () => {
		const svg = illustrationSvg('cheese', 'x', 'Tomme & <Brebis> "d\'Aubin"');
		expectWellFormed(svg);
		expect(svg).toContain('<title>Tomme &amp; &lt;Brebis&gt; &quot;d&apos;Aubin&quot;</title>');
		expect(svg).toContain('role="img"');
		expect(illustrationSvg('cheese', 'x')).toContain('aria-hidden="true"');
	});

	it('shortens a long label in the caption', () => {
		const svg = illustrationSvg('book', 'x', 'Un très long titre de livre qui ne tiendrait jamais sur une seule ligne');
		const caption = /<text[^>]*>([^<]*)<\/text>/.exec(svg)?.[1] ?? '';
		expect([...caption].length).toBeLessThanOrEqual(42);
		expect(caption.endsWith('…')).toBe(true);
	});
});

describe('escapeXml', () => {
	it('drops characters that XML forbids', () => {
		expect(escapeXml('a\u0000b\u0007c\td')).toBe('abc\td');
	});
});
