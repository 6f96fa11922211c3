import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { count } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import type { Database } from '../db/client.ts';
import { createAuth, type Auth } from '../auth/auth.ts';
import { createFirstTerritory, needsSetup } from './setup.ts';
import { territories, memberships, user } from '../db/schema/index.ts';
import { ConflictError, InvalidInputError } from '../errors.ts';
import { findTerritoryForHost } from './resolve.ts';

let database: Database;
let auth: Auth;
beforeAll(async () => {
	database = await testDatabase();
	auth = createAuth({ db: database.db, origin: 'http://localhost:3000', secret: 'test-secret-test-secret-test-secret-42' });
});
afterAll(async () => {
	await database.close();
});

const rows = async (table: typeof territories | typeof user | typeof memberships) =>
	Number((await database.db.select({ n: count() }).from(table))[0].n);

describe('first-run setup', () => {
	it('refuses bad input and writes nothing', async () => {
		const error = await createFirstTerritory(database.db, auth, { territoryName: '', name: 'A', email: 'x', password: '1' }, 'fr').catch(
			(e) => e
		);
		expect(error).toBeInstanceOf(InvalidInputError);
		expect(Object.keys(error.fields).sort()).toEqual(['email', 'password', 'territoryName']);
		expect(await rows(territories)).toBe(0);
		expect(await rows(user)).toBe(0);
	});

	it('creates the default territory and its operator', async () => {
		expect(await needsSetup(database.db)).toBe(true);
		const territory = await createFirstTerritory(
			database.db,
			auth,
			{ territoryName: 'Commerces de Montreuil-Bellay', name: 'Jeanne Martin', email: 'jeanne@mairie.fr', password: 'mot-de-passe-solide' },
			'fr'
		);
		expect(territory.slug).toBe('commerces-de-montreuil-bellay');
		expect(territory.isDefault).toBe(true);
		const [m] = await database.db.select().from(memberships);
		expect(m).toMatchObject({ role: 'operator', territoryId: territory.id, shopId: null });
		expect((await findTerritoryForHost(database.db, 'any.example:3000'))?.id).toBe(territory.id);
		expect(await needsSetup(database.db)).toBe(false);
	});

	it('cannot be replayed to take over the installation', async () => {
		const before = await rows(user);
		await expect(
			createFirstTerritory(
				database.db,
				auth,
				{ territoryName: 'Autre', name: 'Intrus', email: 'intrus@exemple.fr', password: 'mot-de-passe-intrus' },
				'fr'
			)
		).rejects.toBeInstanceOf(ConflictError);
		expect(await rows(user)).toBe(before);
		expect(await rows(territories)).toBe(1);
	});
});
