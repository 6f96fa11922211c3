import { describe, it, expect } from 'vitest';
import { TRADE_KEYS, TRADE_TEMPLATES, SELLING_UNITS, VAT_RATES_BPS, ALLERGENS } from './trades.ts';
import { tradeName } from '../../labels.ts';
import { productInputSchema } from '../catalog/product-input.ts';
import { starterProductInput } from './wizard.ts';

describe('trade templates', () => {
	it('cover the fifteen trades of the wizard, each with a name in the UI', () => {
		expect(TRADE_KEYS).toHaveLength(15);
		for (const key of TRADE_KEYS) {
			expect(TRADE_TEMPLATES[key].key).toBe(key);
			expect(tradeName(key)).not.toBe(key);
		}
	});

	it.each(TRADE_KEYS)('%s offers at least 15 valid, distinct starter products', (key) => {
		const template = TRADE_TEMPLATES[key];
		expect(template.products.length).toBeGreaterThanOrEqual(15);
		expect(new Set(template.products.map((p) => p.name)).size).toBe(template.products.length);
		expect(template.category.slug).toMatch(/^[a-z0-9-]+$/);
		expect(SELLING_UNITS).toContain(template.defaultUnit);
		for (const product of template.products) {
			expect(product.name.length, product.name).toBeGreaterThan(2);
			expect(SELLING_UNITS).toContain(product.unit);
			expect(VAT_RATES_BPS).toContain(product.vatRateBps);
			expect(template.vatRates, `${product.name}: VAT rate of the trade`).toContain(product.vatRateBps);
			expect(Number.isInteger(product.priceCents) && product.priceCents > 0 && product.priceCents < 100_000, product.name).toBe(true);
			for (const allergen of product.allergens) expect(ALLERGENS).toContain(allergen);
			// The catalogue's own schema accepts it as the wizard will create it.
			const parsed = productInputSchema.safeParse(starterProductInput(product, product.priceCents, null, 'fr'));
			expect(parsed.success, `${product.name}: ${parsed.error?.message}`).toBe(true);
			if (product.net) {
				expect(product.net.quantity).toBeGreaterThan(0);
				// A product sold by the kilo or litre needs no net content: its unit price is its price.
				expect(['kg', 'l']).not.toContain(product.unit);
			}
		}
	});
});
