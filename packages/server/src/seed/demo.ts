import { randomBytes } from 'node:crypto';
import { osloDate, type Role, type UnitKind } from '@eidor/domain';
import type { Database, Db } from '../db/client.ts';
import { auditChainHead, municipalities, roleAssignments, units, users } from '../db/schema.ts';
import { appendAudit } from '../platform/audit.ts';
import { enterTenant } from '../platform/context.ts';
import { hashPassword } from '../platform/passwords.ts';
import { deriveSeed, generatePopulation, insertPopulation, spreadPeople, type InsertedPopulation, type Population } from './population.ts';
import { insertSettlementData } from './settlement-data.ts';

export const DEMO_DOMAIN = 'demo.eidor.no';

export const DEMO_UNITS: { key: string; name: string; kind: UnitKind }[] = [
  { key: 'refugee', name: 'Flyktningtjenesten', kind: 'refugee_service' },
  { key: 'nav', name: 'NAV Demo', kind: 'nav' },
  { key: 'health', name: 'Helsestasjon for flyktninger', kind: 'health' },
  { key: 'adulted', name: 'Voksenopplæringen', kind: 'adult_education' },
  { key: 'school', name: 'Sentrum skole', kind: 'school' },
  { key: 'childwelfare', name: 'Barneverntjenesten', kind: 'child_welfare' },
];

/** One demo user per role: e-mail local part, name, role, unit. */
export const DEMO_USERS: { local: string; name: string; role: Role; unit: string }[] = [
  { local: 'advisor', name: 'Ingrid Rådgiver', role: 'advisor', unit: 'refugee' },
  { local: 'settlement', name: 'Ola Bosetting', role: 'settlement_officer', unit: 'refugee' },
  { local: 'health', name: 'Helene Helse', role: 'health_worker', unit: 'health' },
  { local: 'grants', name: 'Tor Tilskudd', role: 'grant_coordinator', unit: 'refugee' },
  { local: 'leader', name: 'Live Leder', role: 'leader', unit: 'refugee' },
  { local: 'nav', name: 'Nina Nav', role: 'partner', unit: 'nav' },
  { local: 'school', name: 'Sverre Skole', role: 'partner', unit: 'school' },
  { local: 'childwelfare', name: 'Bente Barnevern', role: 'partner', unit: 'childwelfare' },
  { local: 'adulted', name: 'Vera Voksenopplæring', role: 'partner', unit: 'adulted' },
  { local: 'finance', name: 'Finn Økonomi', role: 'finance', unit: 'refugee' },
  { local: 'admin', name: 'Ada Administrator', role: 'admin', unit: 'refugee' },
  { local: 'auditor', name: 'Rita Revisor', role: 'auditor', unit: 'refugee' },
];

export type SeedResult = { created: boolean; municipalityId: string; password: string | undefined; generatedPassword: boolean };

/** The demo's population on first start (issue 3, point 4): about 300 people in about 120 households. */
export const DEMO_PEOPLE = 300;
/** The seed of the demo population; `npm run seed -- --seed S` picks another. */
export const DEMO_SEED = 15;

/** A readable random password: 4 groups of 4 characters without look-alikes. */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * Creates a municipality with units and users (one per role). Used for the demo on first start
 * and by tests (which create several municipalities to prove isolation). `passwordHash` (instead of
 * `password`) reuses one argon2 hash for every user, for seeding many municipalities quickly;
 * `population` is inserted in the same transaction, so a municipality is seeded whole or not at all.
 */
export async function createMunicipality(
  database: Database,
  opts: { number: string; name: string; domain: string; now?: Date; population?: Population } & ({ password: string } | { passwordHash: string }),
): Promise<{ municipalityId: string; unitIds: Record<string, string>; userIds: Record<string, string>; population?: InsertedPopulation }> {
  const now = opts.now ?? new Date();
  const hashes = 'passwordHash' in opts ? DEMO_USERS.map(() => opts.passwordHash) : await Promise.all(DEMO_USERS.map(() => hashPassword(opts.password)));
  return database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [m] = await tx.insert(municipalities).values({ number: opts.number, name: opts.name, createdAt: now }).returning();
    const municipalityId = m!.id;
    await tx.insert(auditChainHead).values({ municipalityId, seq: 0, hash: '' });
    const unitRows = await tx
      .insert(units)
      .values(DEMO_UNITS.map((u) => ({ municipalityId, name: u.name, kind: u.kind, createdAt: now, updatedAt: now })))
      .returning();
    const unitIds: Record<string, string> = {};
    DEMO_UNITS.forEach((u, i) => (unitIds[u.key] = unitRows[i]!.id));
    const userRows = await tx
      .insert(users)
      .values(
        DEMO_USERS.map((u, i) => ({
          municipalityId,
          email: `${u.local}@${opts.domain}`,
          name: u.name,
          status: 'active' as const,
          passwordHash: hashes[i]!,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning();
    const userIds: Record<string, string> = {};
    DEMO_USERS.forEach((u, i) => (userIds[u.local] = userRows[i]!.id));
    await tx
      .insert(roleAssignments)
      .values(DEMO_USERS.map((u) => ({ municipalityId, userId: userIds[u.local]!, unitId: unitIds[u.unit]!, role: u.role })));
    await enterTenant(tx, municipalityId, null);
    await appendAudit(tx, {
      municipalityId,
      occurredAt: now,
      actorUserId: null,
      actorEmail: null,
      unitId: null,
      role: null,
      action: 'municipality.create',
      subjectType: 'municipality',
      subjectId: municipalityId,
      categories: [],
      requestId: 'seed',
      ip: null,
    });
    if (!opts.population) return { municipalityId, unitIds, userIds };
    const population = await insertPopulation(tx, { municipalityId, unitIds, population: opts.population, now });
    // Later modules add their demo data for the same people (deterministic by the same seed).
    await insertSettlementData(tx, { municipalityId, unitIds, today: opts.population.today, seed: deriveSeed(opts.population.seed, 4), now });
    return { municipalityId, unitIds, userIds, population };
  });
}

/** Number, name and e-mail domain of the i-th seeded municipality; the first is the demo municipality. */
export function seededMunicipality(i: number): { number: string; name: string; domain: string } {
  if (i === 0) return { number: '9999', name: 'Demo kommune', domain: DEMO_DOMAIN };
  return { number: String(9999 - i).padStart(4, '0'), name: `Demo kommune ${i + 1}`, domain: `k${i + 1}.${DEMO_DOMAIN}` };
}

export type SeedDemoOptions = {
  password: string;
  /** People in all, spread over the municipalities (the first, the demo municipality, gets the most). */
  people?: number;
  municipalities?: number;
  seed?: number;
  now?: Date;
  onMunicipality?: (m: { index: number; number: string; name: string; domain: string; people: number; households: number }) => void;
};

/**
 * Seeds demo municipalities with units, users and a generated population. Municipality i gets the
 * population of `deriveSeed(seed, i)`, so the demo municipality is the same whatever the number of
 * others. One argon2 hash is shared by all seeded users (hashing is deliberately slow).
 */
export async function seedDemo(database: Database, opts: SeedDemoOptions): Promise<{ municipalityIds: string[]; people: number; households: number }> {
  const count = opts.municipalities ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new Error('municipalities must be 1–1000');
  const people = opts.people ?? DEMO_PEOPLE * count;
  if (!Number.isInteger(people) || people < 0) throw new Error('people must be a whole number ≥ 0');
  const seed = opts.seed ?? DEMO_SEED;
  const now = opts.now ?? new Date();
  const today = osloDate(now);
  const passwordHash = await hashPassword(opts.password);
  const shares = spreadPeople(people, count);
  const municipalityIds: string[] = [];
  let households = 0;
  let next = 0;
  // On PostgreSQL two municipalities at a time keep both cores busy (one generates while the other
  // inserts); PGlite has one session, so there it is one after the other.
  const workers = database.kind === 'postgres' ? 2 : 1;
  await Promise.all(
    Array.from({ length: Math.min(workers, count) }, async () => {
      while (next < count) {
        const i = next++;
        const m = seededMunicipality(i);
        const population = generatePopulation({ seed: deriveSeed(seed, i), people: shares[i]!, today });
        const created = await createMunicipality(database, { ...m, passwordHash, now, population });
        municipalityIds[i] = created.municipalityId;
        households += population.households.length;
        opts.onMunicipality?.({ index: i, ...m, people: population.persons.length, households: population.households.length });
      }
    }),
  );
  return { municipalityIds, people, households };
}

/** On first start (no municipality yet): the demo municipality with its ~300 people. */
export async function seedDemoIfEmpty(database: Database, demoPassword: string | undefined): Promise<SeedResult | null> {
  const existing = await database.query<{ n: string | number }>('SELECT count(*) AS n FROM municipalities');
  if (Number(existing[0]?.n ?? 0) > 0) return null;
  const password = demoPassword ?? randomPassword();
  const { municipalityIds } = await seedDemo(database, { password });
  return { created: true, municipalityId: municipalityIds[0]!, password, generatedPassword: !demoPassword };
}
