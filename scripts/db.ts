// Database commands: `npm run db:migrate`, `npm run db:seed`, and `npm run setup -- --territory "…"
// --name "…" --email … --password …` (the first-run setup without a browser).
// Same settings as the server: DATABASE_URL for PostgreSQL, else the embedded database in DATA_DIR.
import { parseArgs } from 'node:util';
import { readConfig } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { migrate } from '../src/lib/server/db/migrate.ts';
import { seedDemo } from '../src/lib/server/db/seed/index.ts';
import { createAuth } from '../src/lib/server/auth/auth.ts';
import { ensureSetting, randomSecret } from '../src/lib/server/settings.ts';
import { createFirstTerritory } from '../src/lib/server/territories/setup.ts';
import { InvalidInputError, DomainError } from '../src/lib/server/errors.ts';
import { pgliteDir } from '../src/lib/server/runtime.ts';

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: { territory: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } }
});
const command = positionals[0];
const cfg = readConfig();
const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.databaseUrl ? undefined : pgliteDir(cfg), poolSize: 4 });
try {
	await migrate(database);
	console.log(`Migrations appliquées / migrations applied (${database.engine}).`);
	if (command === 'seed') {
		const start = Date.now();
		const logins = await seedDemo(database.db, { now: new Date() });
		console.log(
			`Démo prête / demo ready in ${Date.now() - start} ms — operator ${logins.operator}, merchant ${logins.merchant}, password ${logins.password}`
		);
	} else if (command === 'setup') {
		const secret = cfg.authSecret ?? (await ensureSetting(database.db, 'auth_secret', randomSecret));
		const auth = createAuth({ db: database.db, origin: cfg.origin, secret });
		const territory = await createFirstTerritory(
			database.db,
			auth,
			{ territoryName: values.territory, name: values.name, email: values.email, password: values.password },
			'fr'
		);
		console.log(`Territoire « ${territory.name} » créé ; opérateur ${values.email}.`);
	} else if (command !== 'migrate') {
		console.error('usage: node scripts/db.ts migrate | seed | setup --territory … --name … --email … --password …');
		process.exitCode = 2;
	}
} catch (e) {
	if (e instanceof InvalidInputError) {
		for (const [field, messages] of Object.entries(e.fields)) console.error(`${field}: ${messages.join(' ')}`);
		process.exitCode = 1;
	} else if (e instanceof DomainError) {
		console.error(e.message);
		process.exitCode = 1;
	} else throw e;
} finally {
	await database.close();
}
