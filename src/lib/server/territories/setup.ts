import { z } from 'zod';
import { count, eq } from 'drizzle-orm';
import { territories, memberships, auditLog, user } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { Auth } from '../auth/auth.ts';
import { parseInput } from '../http/validate.ts';
import { SignUpInput } from '../auth/accounts.ts';
import { ConflictError } from '../errors.ts';
import { slugify } from '../../slug.ts';
import type { Locale } from '../i18n.ts';

export const FirstRunInput = SignUpInput.extend({
	territoryName: z.string().trim().min(2, 'error_required').max(100, 'error_name_long')
});

export async function needsSetup(db: Db): Promise<boolean> {
	const [row] = await db.select({ n: count() }).from(territories);
	return Number(row.n) === 0;
}

/**
 * First run of a real deployment: creates the default territory and its first operator.
 * Refused once a territory exists, so the page cannot be replayed to take over an install.
 */
export async function createFirstTerritory(db: Db, auth: Auth, input: unknown, locale: Locale) {
	const data = parseInput(FirstRunInput, input, locale, 400);
	if (!(await needsSetup(db))) throw new ConflictError('error_territory_exists');
	const { user: created } = await auth.api.signUpEmail({ body: { name: data.name, email: data.email, password: data.password } });
	try {
		return await db.transaction(async (tx) => {
			const [territory] = await tx
				.insert(territories)
				.values({ name: data.territoryName, slug: slugify(data.territoryName) || 'territoire', isDefault: true })
				.returning();
			await tx.insert(memberships).values({ userId: created.id, role: 'operator', territoryId: territory.id });
			await tx
				.insert(auditLog)
				.values({ territoryId: territory.id, actorUserId: created.id, action: 'territory.created', data: { name: territory.name } });
			return territory;
		});
	} catch (e) {
		// Two setups raced (the unique default territory refused the second): undo its account.
		await db.delete(user).where(eq(user.id, created.id));
		if (e instanceof Error && /unique|duplicate/i.test(e.message + String((e as { cause?: unknown }).cause ?? ''))) {
			throw new ConflictError('error_territory_exists');
		}
		throw e;
	}
}
