import { describe, expect, it } from 'vitest';
import { parseInput } from '../http/validate.ts';
import { InvalidInputError } from '../errors.ts';
import { bulkFormSchema, stockFormSchema } from './bulk-form.ts';
import { newPrice } from './manage.ts';

const id = '7f9c4a8e-4b7a-4a57-9a43-2a0f1c3b5d6e';
const parse = (values: Record<string, unknown>) => parseInput(bulkFormSchema, values, 'fr');
function errors(values: Record<string, unknown>) {
	try {
		parse(values);
	} catch (e) {
		if (e instanceof InvalidInputError) return e.fields;
		throw e;
	}
	throw new Error('accepted');
}

describe('bulk edit form', () => {
	it('reads signed percentages and amounts typed the French way', () => {
		expect(parse({ productIds: id, action: 'price_percent', value: '-10' }).action).toEqual({ kind: 'price_percent', percent: -10 });
		expect(parse({ productIds: [id, id], action: 'price_amount', value: '+0,50' }).action).toEqual({ kind: 'price_amount', cents: 50 });
		expect(parse({ productIds: id, action: 'price_amount', value: '- 1,20' }).action).toEqual({ kind: 'price_amount', cents: -120 });
		expect(parse({ productIds: id, action: 'stock', value: '2,5' }).action).toEqual({ kind: 'stock', stock: 2.5 });
		expect(parse({ productIds: id, action: 'archive' }).action).toEqual({ kind: 'archive' });
	});

	it('refuses no selection, an unknown action and values that make no sense', () => {
		expect(errors({ action: 'archive' }).productIds).toEqual(['Sélectionnez au moins un produit.']);
		expect(errors({ productIds: id, action: 'delete_all' }).action).toEqual(['Choisissez une modification à appliquer.']);
		expect(errors({ productIds: id, action: 'price_percent', value: '-95' }).value).toBeDefined();
		expect(errors({ productIds: id, action: 'price_percent', value: 'dix' }).value).toBeDefined();
		expect(errors({ productIds: id, action: 'price_amount', value: '0,001' }).value).toBeDefined();
		expect(errors({ productIds: id, action: 'stock', value: '' }).value).toBeDefined();
	});

	it('refuses a negative restock', () => {
		expect(() => parseInput(stockFormSchema, { variantId: id, stock: '-3' }, 'fr')).toThrow(InvalidInputError);
		expect(parseInput(stockFormSchema, { variantId: id, stock: '12,5' }, 'fr').stock).toBe(12.5);
	});

	it('rounds percentage changes to the cent', () => {
		expect(newPrice(333, { kind: 'price_percent', percent: 10 })).toBe(366);
		expect(newPrice(995, { kind: 'price_percent', percent: -15 })).toBe(846);
		expect(newPrice(100, { kind: 'price_amount', cents: -150 })).toBe(-50);
	});
});
