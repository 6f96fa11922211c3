// Names of structured catalog values (labels, allergens, trades, units) in the current language.
import { m } from './paraglide/messages.js';

type Msg = () => string;
const lookup = (prefix: string, key: string): string => {
	const fn = (m as unknown as Record<string, Msg | undefined>)[`${prefix}_${key}`];
	return fn ? fn() : key;
};

export const labelName = (key: string) => lookup('label', key);
export const allergenName = (key: string) => lookup('allergen', key);
export const tradeName = (key: string) => lookup('trade', key);
export const unitName = (key: string) => lookup('unit', key);
export const perName = (key: string) => lookup('per', key);
export const weekdayName = (day: number) => lookup('weekday', String(day));
