import { InvalidInputError } from '#lib/server/errors.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import type { Locale } from '#lib/server/i18n.ts';
import { productFormToRaw, toFormErrors } from '#lib/server/catalog/product-input.ts';

/** Reads a posted product form; `save` writes it (create or update). Errors land on the form's own field names. */
export async function handleProductForm(request: Request, locale: Locale, save: (raw: Record<string, unknown>) => Promise<void>) {
	const values = formToObject(await request.formData());
	const raw = productFormToRaw(values);
	try {
		await save(raw);
		return null;
	} catch (e) {
		if (e instanceof InvalidInputError) {
			return formFailure(new InvalidInputError(toFormErrors(e.fields, raw.variantRows as number[]), e.status), locale, values);
		}
		return formFailure(e, locale, values);
	}
}
