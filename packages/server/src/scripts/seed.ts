// npm run seed — creates the demo municipality if the database has no municipality yet.
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../server.ts';
import { DEMO_DOMAIN, seedDemoIfEmpty } from '../seed/demo.ts';

const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrate(database);
  const seed = await seedDemoIfEmpty(database, config.demoPassword);
  if (!seed) console.log('The database already has a municipality; nothing seeded.');
  else {
    console.log(`Demo municipality created: sign in as admin@${DEMO_DOMAIN} (and the other roles).`);
    if (seed.generatedPassword) console.log(`Password: ${seed.password} (shown only this once)`);
  }
} finally {
  await database.close();
}
