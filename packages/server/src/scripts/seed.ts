// npm run seed [-- --people N --municipalities M --seed S]
// Without options: the demo municipality with its ~300 people, as on first start. With options: M
// municipalities (the demo one first, then "Demo kommune 2" … with users at k2.demo.eidor.no …) and N
// people spread over them, generated from seed S (same seed, same people). Only into a database
// without any municipality.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../server.ts';
import { DEMO_DOMAIN, DEMO_PEOPLE, DEMO_SEED, randomPassword, seedDemo } from '../seed/demo.ts';

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${value}"`);
  return n;
}

const { values } = parseArgs({
  options: { people: { type: 'string' }, municipalities: { type: 'string' }, seed: { type: 'string' } },
  allowPositionals: false,
});
const municipalities = wholeNumber('municipalities', values.municipalities, 1);
const people = wholeNumber('people', values.people, DEMO_PEOPLE * municipalities);
const seed = wholeNumber('seed', values.seed, DEMO_SEED);

const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrate(database);
  const existing = await database.query<{ n: string | number }>('SELECT count(*) AS n FROM municipalities');
  if (Number(existing[0]?.n ?? 0) > 0) {
    console.log('The database already has a municipality; nothing seeded.');
  } else {
    const password = config.demoPassword ?? randomPassword();
    const started = performance.now();
    const result = await seedDemo(database, {
      password,
      people,
      municipalities,
      seed,
      onMunicipality: (m) => {
        if (municipalities <= 10 || m.index % 10 === 9 || m.index === municipalities - 1) {
          console.log(`  ${m.number} ${m.name}: ${m.people} people in ${m.households} households (users @${m.domain})`);
        }
      },
    });
    if (database.kind === 'postgres') await database.query('ANALYZE');
    const s = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Seeded ${result.people} people in ${result.households} households in ${municipalities} municipalities (seed ${seed}) in ${s} s.`);
    console.log(`Sign in as advisor@${DEMO_DOMAIN}, admin@${DEMO_DOMAIN} (and the other roles).`);
    if (!config.demoPassword) console.log(`Password: ${password} (shown only this once)`);
  }
} finally {
  await database.close();
}
