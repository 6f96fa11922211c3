import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slugify } from './slug.ts';

describe('slugify', () => {
	it('removes French accents and lowercases', () => {
		expect(slugify('Pâtisserie Les Délices de Léonie')).toBe('patisserie-les-delices-de-leonie');
		expect(slugify('Crème fraîche épaisse')).toBe('creme-fraiche-epaisse');
		expect(slugify('Ça sent le NOËL à Saint-Aubin')).toBe('ca-sent-le-noel-a-saint-aubin');
	});

	it('spells ligatures out', () => {
		expect(slugify('Œufs frais')).toBe('oeufs-frais');
		expect(slugify('Bœuf bourguignon')).toBe('boeuf-bourguignon');
	});

	it('turns apostrophes, spaces and punctuation into single hyphens', () => {
		expect(slugify("Boulangerie Au Pain d'Antan")).toBe('boulangerie-au-pain-d-antan');
		expect(slugify('  Miel — toutes fleurs (500 g) !  ')).toBe('miel-toutes-fleurs-500-g');
		expect(slugify('L’Atelier des Pivoines')).toBe('l-atelier-des-pivoines');
	});

	it('keeps at most 80 characters without a trailing hyphen', () => {
		const slug = slugify('mot '.repeat(40));
		expect(slug.length).toBeLessThanOrEqual(80);
		expect(slug.endsWith('-')).toBe(false);
	});

	it('gives an empty slug for text without letters or digits', () => {
		expect(slugify('—!?')).toBe('');
	});

	it('always gives a URL-safe slug that is stable when slugified again', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
				const slug = slugify(text);
				expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
				expect(slug.length).toBeLessThanOrEqual(80);
				expect(slugify(slug)).toBe(slug);
			})
		);
	});
});
