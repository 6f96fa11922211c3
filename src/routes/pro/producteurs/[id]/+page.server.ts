import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { t } from '#lib/server/i18n.ts';
import { config } from '#lib/server/config.ts';
import {
	addProducerPhoto,
	deleteProducer,
	getOwnProducer,
	removeCertification,
	removeProducerPhoto,
	saveCertification,
	updateProducer
} from '#lib/server/traceability/producers.ts';
import { producerDetails } from '#lib/server/traceability/read.ts';
import { mapContext } from '../producer-form.server.ts';

/** Another shop's producer is "not found": nothing says it exists, nothing is written. */
function notFound(e: unknown): never {
	if (e instanceof NotFoundError) error(404, 'not found');
	throw e;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	const producer = await getOwnProducer(db, scope, params.id).catch(notFound);
	const [details] = await producerDetails(db, scope.territoryId, [producer.id]);
	return {
		producer: details,
		values: { ...producer, labels: producer.labels.join(', ') } as Record<string, unknown>,
		...(await mapContext(scope.territoryId)),
		maxMb: Math.round(config().mediaMaxBytes / 1024 / 1024),
		saved: url.searchParams.get('saved')
	};
};

/** Runs one form's work; a refusal names the form (`values._form`) so the page shows its errors there. */
async function run(locals: App.Locals, values: Record<string, unknown>, work: () => Promise<unknown>, saved: string, id: string) {
	try {
		await work();
	} catch (e) {
		if (e instanceof NotFoundError) notFound(e);
		return formFailure(e, locals.locale, { ...values, _form: saved });
	}
	redirect(303, `/pro/producteurs/${id}?saved=${saved}`);
}

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		return run(
			locals,
			values,
			() => updateProducer(db, shopScopeOf(locals), params.id, values, { locale: locals.locale }),
			'saved',
			params.id
		);
	},
	certify: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		return run(
			locals,
			values,
			() => saveCertification(db, shopScopeOf(locals), params.id, values, { locale: locals.locale }),
			'certified',
			params.id
		);
	},
	uncertify: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		return run(
			locals,
			values,
			() => removeCertification(db, shopScopeOf(locals), params.id, String(values.id ?? '')),
			'uncertified',
			params.id
		);
	},
	photo: async ({ request, locals, params }) => {
		const locale = locals.locale;
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			const max = Math.round(config().mediaMaxBytes / 1024 / 1024);
			return fail(413, { errors: { photo: [t('media_error_photo_too_large_plain', locale, { max })] }, values: { _form: 'photo' } });
		}
		const file = form.get('photo');
		const alt = String(form.get('alt') ?? '').slice(0, 2000);
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { errors: { photo: [t('media_error_photo_empty', locale)] }, values: { alt, _form: 'photo' } });
		const { db } = await appContext();
		const bytes = new Uint8Array(await file.arrayBuffer());
		return run(locals, { alt }, () => addProducerPhoto(db, shopScopeOf(locals), params.id, { bytes, alt, locale }), 'photo', params.id);
	},
	removePhoto: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		return run(
			locals,
			values,
			() => removeProducerPhoto(db, shopScopeOf(locals), params.id, String(values.mediaId ?? '')),
			'photo_removed',
			params.id
		);
	},
	delete: async ({ locals, params }) => {
		const { db } = await appContext();
		try {
			await deleteProducer(db, shopScopeOf(locals), params.id);
		} catch (e) {
			if (e instanceof NotFoundError) notFound(e);
			return formFailure(e, locals.locale, {});
		}
		redirect(303, '/pro/producteurs?saved=deleted');
	}
};
