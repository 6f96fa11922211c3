// Display formatting shared by server and browser code (money is integer cents everywhere).
export type Locale = 'fr' | 'en';

const euroFormatters = {
	fr: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }),
	en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' })
};

export function euros(cents: number, locale: Locale = 'fr'): string {
	return euroFormatters[locale].format(cents / 100);
}

const percentFormatters = {
	fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })
};

export function percent(bps: number, locale: Locale = 'fr'): string {
	return percentFormatters[locale].format(bps / 100) + ' %';
}

// Built once: an Intl formatter costs far more to create than to use (it showed in the search
// page's profile when each product card made its own).
const kilometreFormatters = {
	fr: new Intl.NumberFormat('fr-FR', { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }),
	en: new Intl.NumberFormat('en-GB', { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 })
};

/** A distance: "2,4 km". */
export function kilometres(km: number, locale: Locale = 'fr'): string {
	return kilometreFormatters[locale].format(km);
}
