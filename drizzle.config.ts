import { defineConfig } from 'drizzle-kit';

// Used only to generate SQL migrations (`npm run db:generate`); the app applies them itself
// (see src/lib/server/db/migrate.ts) because drizzle-kit cannot load PGlite's extensions.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle'
});
