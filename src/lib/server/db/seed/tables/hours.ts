import type { OpeningPeriod } from '../../schema/shops.ts';

export const SUN = 0;
export const MON = 1;
export const TUE = 2;
export const WED = 3;
export const THU = 4;
export const FRI = 5;
export const SAT = 6;
export const TUE_TO_SAT = [TUE, WED, THU, FRI, SAT];

/** The same periods ("07:00–13:00") on each of the given weekdays. */
export function hours(weekdays: number[], ...periods: [opens: string, closes: string][]): OpeningPeriod[] {
	return weekdays.flatMap((weekday) => periods.map(([opens, closes]) => ({ weekday, opens, closes })));
}
