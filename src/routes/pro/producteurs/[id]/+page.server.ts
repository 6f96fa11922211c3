import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formToObject } from '#lib/server/http/validate.ts';
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
import { mapContext, notFound, runForm } from '../producer-form.server.ts';

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

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		return runForm(locals.locale, values, 'saved', `/pro/producteurs/${params.id}`, () =>
			updateProducer(db, shopScopeOf(locals), params.id, values, { locale: locals.locale })
		);
	},
	certify: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		return runForm(locals.locale, values, 'certified', `/pro/producteurs/${params.id}`, () =>
			saveCertification(db, shopScopeOf(locals), params.id, values, { locale: locals.locale })
		);
	},
	uncertify: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		return runForm(locals.locale, values, 'uncertified', `/pro/producteurs/${params.id}`, () =>
			removeCertification(db, shopScopeOf(locals), params.id, String(values.id ?? ''))
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
		return runForm(locals.locale, { alt }, 'photo', `/pro/producteurs/${params.id}`, () =>
			addProducerPhoto(db, shopScopeOf(locals), params.id, { bytes, alt, locale })
		);
	},
	removePhoto: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		return runForm(locals.locale, values, 'photo_removed', `/pro/producteurs/${params.id}`, () =>
			removeProducerPhoto(db, shopScopeOf(locals), params.id, String(values.mediaId ?? ''))
		);
	},
	delete: async ({ locals, params }) => {
		const { db } = await appContext();
		return runForm(locals.locale, {}, 'deleted', '/pro/producteurs', () => deleteProducer(db, shopScopeOf(locals), params.id));
	}
};
