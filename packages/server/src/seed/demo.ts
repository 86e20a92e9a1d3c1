import { randomBytes } from 'node:crypto';
import type { Role, UnitKind } from '@eidor/domain';
import type { Database, Db } from '../db/client.ts';
import { auditChainHead, municipalities, roleAssignments, units, users } from '../db/schema.ts';
import { appendAudit } from '../platform/audit.ts';
import { enterTenant } from '../platform/context.ts';
import { hashPassword } from '../platform/passwords.ts';

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

/** A readable random password: 4 groups of 4 characters without look-alikes. */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * Creates a municipality with units and users (one per role). Used for the demo on first start
 * and by tests (which create several municipalities to prove isolation).
 */
export async function createMunicipality(
  database: Database,
  opts: { number: string; name: string; domain: string; password: string; now?: Date },
): Promise<{ municipalityId: string; unitIds: Record<string, string>; userIds: Record<string, string> }> {
  const now = opts.now ?? new Date();
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(opts.password)));
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
    return { municipalityId, unitIds, userIds };
  });
}

/** On first start (no municipality yet): the demo municipality. */
export async function seedDemoIfEmpty(database: Database, demoPassword: string | undefined): Promise<SeedResult | null> {
  const existing = await database.query<{ n: string | number }>('SELECT count(*) AS n FROM municipalities');
  if (Number(existing[0]?.n ?? 0) > 0) return null;
  const password = demoPassword ?? randomPassword();
  const { municipalityId } = await createMunicipality(database, { number: '9999', name: 'Demo kommune', domain: DEMO_DOMAIN, password });
  return { created: true, municipalityId, password, generatedPassword: !demoPassword };
}
