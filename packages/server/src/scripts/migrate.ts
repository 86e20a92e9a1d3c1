// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded database).
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../server.ts';
import { assertRowLevelSecurity } from '../platform/startup-check.ts';

const config = loadConfig();
const database = await openDatabase(config);
try {
  const version = await migrate(database);
  await assertRowLevelSecurity(database);
  console.log(`Database is at migration ${version}; row-level security checked.`);
} finally {
  await database.close();
}
