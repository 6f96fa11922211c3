import { error, redirect } from '@sveltejs/kit';
import { appContext } from '#lib/server/runtime.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { mapSettings } from '#lib/server/territories/map-settings.ts';
import { territories } from '#lib/server/db/schema/index.ts';
import { eq } from 'drizzle-orm';

/** The map settings and the territory's centre, where the pin starts for a new producer. */
export async function mapContext(territoryId: string) {
	const { db } = await appContext();
	const [territory] = await db
		.select({ latitude: territories.latitude, longitude: territories.longitude })
		.from(territories)
		.where(eq(territories.id, territoryId));
	const map = mapSettings();
	return {
		centre:
			territory && territory.latitude !== null && territory.longitude !== null
				? { latitude: territory.latitude, longitude: territory.longitude }
				: null,
		tileUrl: map.tileUrl,
		attribution: map.attribution
	};
}

/** Another shop's producer or product is "not found": nothing says it exists, nothing is written. */
export function notFound(e: unknown): never {
	if (e instanceof NotFoundError) error(404, 'not found');
	throw e;
}

/**
 * Runs one form's work, then back to `to` with `?saved=<form>`; a refusal names the form
 * (`values._form`) so the page shows its errors next to it.
 */
export async function runForm(
	locale: App.Locals['locale'],
	values: Record<string, unknown>,
	form: string,
	to: string,
	work: () => Promise<unknown>
) {
	try {
		await work();
	} catch (e) {
		if (e instanceof NotFoundError) notFound(e);
		return formFailure(e, locale, { ...values, _form: form });
	}
	redirect(303, `${to}?saved=${form}`);
}
