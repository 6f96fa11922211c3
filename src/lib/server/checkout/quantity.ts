/**
 * How much of a product can be put in a cart: whole units, except products sold by the kilo,
 * ordered in half-kilo steps (the merchant weighs the real quantity at preparation).
 */
export type QuantityRule = { step: number; min: number; max: number };

export function quantityRule(unit: string): QuantityRule {
	return unit === 'kg' ? { step: 0.5, min: 0.5, max: 50 } : { step: 1, min: 1, max: 99 };
}

/** The i18n key of what is wrong with a quantity, or null when it is acceptable. */
export function quantityError(unit: string, quantity: number): string | null {
	const rule = quantityRule(unit);
	const stepError = rule.step === 1 ? 'error_quantity_whole' : 'error_quantity_half_kg';
	if (!Number.isFinite(quantity) || quantity <= 0) return 'error_quantity_min';
	if (quantity < rule.min) return stepError;
	if (quantity > rule.max) return 'error_quantity_max';
	const steps = quantity / rule.step;
	if (Math.abs(steps - Math.round(steps)) > 1e-9) return stepError;
	return null;
}
