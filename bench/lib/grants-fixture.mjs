// Shared set-up for the grant benchmarks (reconcile, forecast): a PostgreSQL database with the demo
// municipality (users, settlement data) from `npm run seed`, then as many more people as asked for,
// written with COPY (valid synthetic fødselsnummer, names from the seed's own generator), and a kit
// with the server's domain code for the baselines.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildKit as buildProgrammeKit, pg, root } from './programme-fixture.mjs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const serverRequire = createRequire(path.join(root, 'packages/server/package.json'));
export const copyFrom = serverRequire('pg-copy-streams').from;
export const PASSWORD = 'bench-programme-password-1';

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** The server bundle (for startApp) and the domain's grant and identity code. */
export async function buildKit() {
  await buildProgrammeKit();
  const { build } = serverRequire('esbuild');
  const outfile = path.join(root, 'packages/server/dist/bench-grants.mjs');
  await build({
    stdin: {
      contents: "export { makeNationalId, personSearchText, grantSchedule, forecast, DEFAULT_GRANT_RATES } from '@eidor/domain';",
      resolveDir: path.join(root, 'packages/server'),
      sourcefile: 'bench-grants.ts',
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

/** Writes rows (arrays) with COPY into `target` in text format. */
export async function copyInto(db, target, rows) {
  const esc = (v) => (v === null || v === undefined ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));
  const stream = db.query(copyFrom(`COPY ${target} FROM STDIN`));
  await new Promise((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
    let i = 0;
    const write = () => {
      let ok = true;
      while (i < rows.length && ok) {
        const chunk = [];
        for (let k = 0; k < 2000 && i < rows.length; k++, i++) chunk.push(rows[i].map(esc).join('\t'));
        ok = stream.write(chunk.join('\n') + '\n');
      }
      if (i < rows.length) stream.once('drain', write);
      else stream.end();
    };
    write();
  });
}

/** A fresh database `name`: the demo municipality seeded with `seedPeople` by the seed script. */
export async function grantsDatabase(name, seedPeople) {
  const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const dbUrl = u.toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const serverVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.end();
  await run(['--import', 'tsx', 'packages/server/src/scripts/seed.ts', '--people', String(seedPeople), '--municipalities', '1'], { DATABASE_URL: dbUrl, EIDOR_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' });
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const municipalityId = (await db.query("SELECT id FROM municipalities WHERE number = '9999'")).rows[0].id;
  return { dbUrl, db, municipalityId, serverVersion };
}

/** A deterministic generator (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Mohammad', 'Ahmad', 'Fatima', 'Amina', 'Yonas', 'Senait', 'Abdi', 'Hodan', 'Olena', 'Oleksandr', 'Ali', 'Zahra', 'Hamid', 'Maryam', 'Kiros', 'Mulu', 'Jean', 'Grace', 'Omar', 'Leila'];
const FAMILY = ['Al-Hassan', 'Rahimi', 'Tesfay', 'Haile', 'Warsame', 'Abdullahi', 'Kovalenko', 'Shevchenko', 'Hosseini', 'Ahmadi', 'Mukendi', 'Ilunga', 'Osman', 'Yusuf', 'Noor', 'Said', 'Karimi', 'Bakri', 'Mohamed', 'Hussein'];

/**
 * `n` more people in the municipality, written with COPY: valid synthetic fødselsnummer, DUF numbers,
 * refugees, half settled 2022–2025 and half 2010–2020, registered in the population register a week later. Returns them.
 */
export async function addPeople(db, kit, municipalityId, n, seed = 7) {
  const r = rng(seed);
  const people = [];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const y = 1950 + Math.floor(r() * 70);
    const birthDate = `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const sex = r() < 0.5 ? 'female' : 'male';
    let nid;
    do nid = kit.makeNationalId({ birthDate, sex, kind: 'fnr', synthetic: true, serial: Math.floor(r() * 1000) });
    while (!nid);
    const given = GIVEN[Math.floor(r() * GIVEN.length)];
    const family = FAMILY[Math.floor(r() * FAMILY.length)];
    // About half within the integration grant's five years in 2026 (settled 2022–2025), the rest before.
    const settled = `${i % 2 === 0 || i % 25 === 1 ? 2022 + Math.floor(r() * 4) : 2010 + Math.floor(r() * 11)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const duf = String(201500000000 + i);
    const id = crypto.randomUUID();
    const p = { id, given, family, birthDate, sex, nid, duf, settled };
    people.push(p);
    const registered = settled;
    rows.push([id, municipalityId, given, family, kit.personSearchText([`${given} ${family}`]), birthDate, sex, nid, duf, 'reception_centre', 'refugee', settled, registered, 'active']);
  }
  // fødselsnummer are unique per municipality: drop the (rare) repeats the serials produce.
  const seen = new Set((await db.query('SELECT national_id FROM persons WHERE national_id IS NOT NULL')).rows.map((x) => x.national_id));
  const keep = [];
  const keptPeople = [];
  rows.forEach((row, i) => {
    if (seen.has(row[7])) return;
    seen.add(row[7]);
    keep.push(row);
    keptPeople.push(people[i]);
  });
  await copyInto(db, 'persons (id, municipality_id, given_name, family_name, search_text, birth_date, sex, national_id, duf_number, arrival_category, permit_type, settlement_date, population_registered_date, status)', keep);
  await db.query('VACUUM ANALYZE persons');
  return keptPeople;
}
