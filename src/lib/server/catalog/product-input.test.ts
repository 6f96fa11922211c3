import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseInput } from '../http/validate.ts';
import { InvalidInputError } from '../errors.ts';
import { centsToEuroText, isValidEan, parseEuroCents, productFormToRaw, productInputSchema, MAX_PRICE_CENTS } from './product-input.ts';

const base = {
	name: 'Miel de châtaignier',
	vatRateBps: 550,
	unit: 'piece',
	variants: [{ name: '500 g', priceCents: 950, netQuantity: 0.5, netUnit: 'kg', stock: 12 }]
};

function errorsOf(input: unknown, locale: 'fr' | 'en' = 'fr') {
	try {
		parseInput(productInputSchema, input, locale);
	} catch (e) {
		if (e instanceof InvalidInputError) return e.fields;
		throw e;
	}
	throw new Error('input was accepted');
}

/** The GS1 check digit computed independently of isValidEan (weights 1,3,1,3… from the left for EAN-13). */
function withCheckDigit(body: string): string {
	const sum = [...body].reduce((acc, d, i) => acc + Number(d) * ((body.length - i) % 2 === 1 ? 3 : 1), 0);
	return body + ((10 - (sum % 10)) % 10);
}

describe('EAN check digit', () => {
	it('accepts real EAN-13 and EAN-8 codes', () => {
		expect(isValidEan('3017620422003')).toBe(true); // a well-known hazelnut spread
		expect(isValidEan('96385074')).toBe(true);
	});
	it('refuses a wrong check digit, wrong lengths and letters', () => {
		expect(isValidEan('3017620422004')).toBe(false);
		expect(isValidEan('301762042200')).toBe(false);
		expect(isValidEan('301762042200a')).toBe(false);
		expect(isValidEan('')).toBe(false);
	});
	it('accepts every body with its computed check digit, and refuses every other digit', () => {
		fc.assert(
			fc.property(fc.oneof(fc.stringMatching(/^\d{12}$/), fc.stringMatching(/^\d{7}$/)), fc.integer({ min: 1, max: 9 }), (body, shift) => {
				const good = withCheckDigit(body);
				expect(isValidEan(good)).toBe(true);
				const bad = body + ((Number(good.at(-1)) + shift) % 10);
				expect(isValidEan(bad)).toBe(false);
			})
		);
	});
	it('is refused in the product with a clear message', () => {
		expect(errorsOf({ ...base, ean: '3017620422004' }).ean).toEqual(['Code-barres invalide : 8 ou 13 chiffres, clé de contrôle comprise.']);
		expect(parseInput(productInputSchema, { ...base, ean: '3 017620 422003' }, 'fr').ean).toBe('3017620422003');
	});
});

describe('French price input', () => {
	it('reads decimal commas, points, spaces and the euro sign', () => {
		expect(parseEuroCents('3,50')).toBe(350);
		expect(parseEuroCents('3.5')).toBe(350);
		expect(parseEuroCents('12')).toBe(1200);
		expect(parseEuroCents(' 1 234,56 € ')).toBe(123456);
		expect(parseEuroCents('0,99')).toBe(99);
	});
	it('refuses what is not a price', () => {
		for (const text of ['', 'abc', '3,505', '-2', '3,50,1', '1e5', '3..5', '3,5x']) expect(parseEuroCents(text)).toBeNull();
	});
	it('reads back every amount it wrote, whatever the cents', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: MAX_PRICE_CENTS }), (cents) => {
				expect(parseEuroCents(centsToEuroText(cents))).toBe(cents);
				expect(parseEuroCents(centsToEuroText(cents).replace(',', '.'))).toBe(cents);
			})
		);
	});
});

describe('product input', () => {
	it('accepts a complete product and normalises it', () => {
		const p = parseInput(
			productInputSchema,
			{ ...base, allergens: ['milk', 'milk'], seasonalMonths: ['12', '1', '1'], ingredients: '  ', labels: 'ab' },
			'fr'
		);
		expect(p.allergens).toEqual(['milk']);
		expect(p.seasonalMonths).toEqual([1, 12]);
		expect(p.ingredients).toBeNull();
		expect(p.labels).toEqual(['ab']);
		expect(p.variants[0]).toMatchObject({ stockMode: 'tracked', stock: 12, leadDays: null, sku: null });
	});

	it('refuses negative and absurd prices, in French and English', () => {
		const price = (priceCents: number, locale: 'fr' | 'en' = 'fr') =>
			errorsOf({ ...base, variants: [{ name: 'x', priceCents }] }, locale)['variants.0.priceCents'];
		expect(price(-1)).toEqual(['Un prix ne peut pas être négatif.']);
		expect(price(MAX_PRICE_CENTS + 1)).toEqual(['Ce prix dépasse 100 000 € : vérifiez la saisie.']);
		expect(price(-1, 'en')).toEqual(['A price cannot be negative.']);
		expect(price(1.5)).toEqual(['Prix invalide : écrivez par exemple 3,50.']);
	});

	it('refuses an unknown VAT rate with the list of valid ones', () => {
		expect(errorsOf({ ...base, vatRateBps: 1960 }).vatRateBps).toEqual(['Taux de TVA inconnu : choisissez 5,5 %, 10 %, 20 % ou 2,1 %.']);
		expect(errorsOf({ ...base, vatRateBps: 'abc' }, 'en').vatRateBps).toEqual(['Unknown VAT rate: choose 5.5%, 10%, 20% or 2.1%.']);
	});

	it('refuses unknown allergens, and "none" together with an allergen', () => {
		expect(errorsOf({ ...base, allergens: ['pollen'] })['allergens.0']).toEqual(['Allergène inconnu.']);
		expect(Object.keys(errorsOf({ ...base, allergens: ['none', 'milk'] }))).toEqual(['allergens']);
		expect(parseInput(productInputSchema, { ...base, allergens: ['none'] }, 'fr').allergens).toEqual(['none']);
	});

	it('asks for a lead time when made to order, and a unit with the net quantity', () => {
		const e = errorsOf({ ...base, variants: [{ name: 'x', priceCents: 100, stockMode: 'on_order', netQuantity: 1 }] });
		expect(e['variants.0.leadDays']).toBeDefined();
		expect(e['variants.0.netUnit']).toBeDefined();
	});

	it('refuses no variant, duplicate SKUs, a month 13 and a negative stock', () => {
		expect(errorsOf({ ...base, variants: [] }).variants).toBeDefined();
		const e = errorsOf({
			...base,
			seasonalMonths: [13],
			variants: [
				{ name: 'a', priceCents: 1, sku: 'MIEL-1', stock: -1 },
				{ name: 'b', priceCents: 1, sku: 'MIEL-1' }
			]
		});
		expect(e['variants.1.sku']).toEqual(['Deux variantes ont la même référence.']);
		expect(e['variants.0.stock']).toBeDefined();
		expect(e['seasonalMonths.0']).toBeDefined();
	});

	it('drops stock and lead time that do not apply to the stock mode', () => {
		const p = parseInput(
			productInputSchema,
			{ ...base, variants: [{ name: 'x', priceCents: 100, stockMode: 'unlimited', stock: 5, leadDays: 3 }] },
			'fr'
		);
		expect(p.variants[0]).toMatchObject({ stock: 0, leadDays: null });
	});

	it('reads a price sold by the kilo or litre as the price of one kilo or litre, keeping a quantity typed', () => {
		const byKilo = parseInput(
			productInputSchema,
			{
				...base,
				unit: 'kg',
				variants: [
					{ name: 'Au kilo', priceCents: 1890 },
					{ name: 'Pot de 500 g', priceCents: 990, netQuantity: 0.5, netUnit: 'kg' }
				]
			},
			'fr'
		);
		expect(byKilo.variants.map((v) => [v.netQuantity, v.netUnit])).toEqual([
			[1, 'kg'],
			[0.5, 'kg']
		]);
		const byLitre = parseInput(productInputSchema, { ...base, unit: 'l', variants: [{ name: 'Au litre', priceCents: 300 }] }, 'fr');
		expect(byLitre.variants[0]).toMatchObject({ netQuantity: 1, netUnit: 'l' });
		const byPiece = parseInput(productInputSchema, { ...base, variants: [{ name: 'Pièce', priceCents: 300 }] }, 'fr');
		expect(byPiece.variants[0]).toMatchObject({ netQuantity: null, netUnit: null });
	});
});

describe('product form', () => {
	it('turns a submitted form into the input, prices in euros, blank rows dropped', () => {
		const raw = productFormToRaw({
			name: 'Comté 18 mois',
			vatRateBps: '550',
			allergens: ['milk'],
			'variants.0.name': '250 g',
			'variants.0.price': '6,90',
			'variants.0.netQuantity': '0,25',
			'variants.0.netUnit': 'kg',
			'variants.0.stock': '4',
			'variants.1.name': '',
			'variants.1.price': '',
			'variants.2.name': '500 g',
			'variants.2.price': '-3'
		});
		expect(raw.variantRows).toEqual([0, 2]);
		const e = errorsOf(raw);
		expect(e['variants.1.priceCents']).toEqual(['Un prix ne peut pas être négatif.']);
		const ok = parseInput(productInputSchema, { ...raw, variants: [(raw.variants as unknown[])[0]] }, 'fr');
		expect(ok.variants[0]).toMatchObject({ priceCents: 690, netQuantity: 0.25, stock: 4 });
		expect(ok.allergens).toEqual(['milk']);
	});
	it('says a price typed with letters is invalid', () => {
		const raw = productFormToRaw({ name: 'x', vatRateBps: '550', 'variants.0.name': 'x', 'variants.0.price': 'trois' });
		expect(errorsOf(raw)['variants.0.priceCents']).toEqual(['Prix invalide : écrivez par exemple 3,50.']);
	});
});

describe('removing a variant in the form', () => {
	it('drops a row ticked "remove"', () => {
		const raw = productFormToRaw({
			name: 'x',
			vatRateBps: '550',
			'variants.0.id': '7f9c4a8e-4b7a-4a57-9a43-2a0f1c3b5d6e',
			'variants.0.name': '250 g',
			'variants.0.price': '2',
			'variants.0.remove': '1',
			'variants.1.name': '500 g',
			'variants.1.price': '4'
		});
		expect(raw.variantRows).toEqual([1]);
	});
});
