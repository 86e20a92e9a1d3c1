import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rows } from '../../db/raw.ts';
import { auditLog, households, personHistory, persons, personTeam, units, users } from '../../db/schema.ts';
import { buildPersonSearch, SET_THRESHOLD_SQL, uuidArray, type SearchParams, type SearchRow } from './search-sql.ts';

export type PersonRow = typeof persons.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;

export async function searchPersons(tx: Db, p: SearchParams): Promise<SearchRow[]> {
  await rows(tx, SET_THRESHOLD_SQL);
  const q = buildPersonSearch(p);
  return rows<SearchRow>(tx, q.text, q.values);
}

export async function findPerson(tx: Db, municipalityId: string, id: string): Promise<PersonRow | undefined> {
  const r = await tx.select().from(persons).where(and(eq(persons.id, id), eq(persons.municipalityId, municipalityId))).limit(1).prepare('find_person').execute();
  return r[0];
}

export async function personByNationalId(tx: Db, municipalityId: string, nationalId: string, exceptId?: string) {
  const r = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.municipalityId, municipalityId), eq(persons.nationalId, nationalId), exceptId ? ne(persons.id, exceptId) : undefined))
    .limit(1);
  return r[0];
}

/** Units on the person's team, with names. */
export async function teamOf(tx: Db, personId: string) {
  return tx
    .select({ unitId: personTeam.unitId, unitName: units.name, unitKind: units.kind, addedAt: personTeam.addedAt })
    .from(personTeam)
    .innerJoin(units, eq(units.id, personTeam.unitId))
    .where(eq(personTeam.personId, personId))
    .orderBy(asc(units.name))
    .prepare('team_of_person')
    .execute();
}

export async function replaceTeam(tx: Db, p: { municipalityId: string; personId: string; unitIds: string[]; now: Date; by: string }) {
  await tx.delete(personTeam).where(eq(personTeam.personId, p.personId));
  if (p.unitIds.length > 0) {
    await tx.insert(personTeam).values(p.unitIds.map((unitId) => ({ municipalityId: p.municipalityId, personId: p.personId, unitId, addedAt: p.now, addedBy: p.by })));
  }
}

export type PersonValues = Omit<typeof persons.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

export async function insertPerson(tx: Db, v: PersonValues & { now: Date }): Promise<PersonRow> {
  const { now, ...values } = v;
  const r = await tx.insert(persons).values({ ...values, createdAt: now, updatedAt: now }).returning();
  return r[0]!;
}

/** Updates when the version matches; undefined when stale. */
export async function updatePersonIfVersion(tx: Db, id: string, version: number, v: Partial<PersonValues> & { now: Date }): Promise<PersonRow | undefined> {
  const { now, ...values } = v;
  const r = await tx
    .update(persons)
    .set({ ...values, version: version + 1, updatedAt: now })
    .where(and(eq(persons.id, id), eq(persons.version, version)))
    .returning();
  return r[0];
}

export async function addHistory(tx: Db, h: { municipalityId: string; personId: string; version: number; now: Date; by: string; changes: { field: string; from: unknown; to: unknown }[] }) {
  await tx.insert(personHistory).values({ municipalityId: h.municipalityId, personId: h.personId, version: h.version, changedAt: h.now, changedBy: h.by, changes: h.changes });
}

export async function historyOf(tx: Db, personId: string) {
  return tx
    .select({ version: personHistory.version, changedAt: personHistory.changedAt, changedBy: users.name, changes: personHistory.changes })
    .from(personHistory)
    .leftJoin(users, eq(users.id, personHistory.changedBy))
    .where(eq(personHistory.personId, personId))
    .orderBy(desc(personHistory.version), desc(personHistory.changedAt));
}

/** Audit rows about one person: who opened or changed the record. */
export async function accessLogOf(tx: Db, municipalityId: string, personId: string) {
  return tx
    .select({ occurredAt: auditLog.occurredAt, actorName: users.name, unitName: units.name, role: auditLog.role, action: auditLog.action })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(and(eq(auditLog.municipalityId, municipalityId), eq(auditLog.subjectType, 'person'), eq(auditLog.subjectId, personId)))
    .orderBy(desc(auditLog.id))
    .limit(500);
}

export async function findHousehold(tx: Db, municipalityId: string, id: string): Promise<HouseholdRow | undefined> {
  const r = await tx.select().from(households).where(and(eq(households.id, id), eq(households.municipalityId, municipalityId))).limit(1);
  return r[0];
}

export async function insertHousehold(tx: Db, v: { municipalityId: string; name: string; now: Date }): Promise<HouseholdRow> {
  const r = await tx.insert(households).values({ municipalityId: v.municipalityId, name: v.name, createdAt: v.now, updatedAt: v.now }).returning();
  return r[0]!;
}

export async function renameHouseholdIfVersion(tx: Db, id: string, version: number, name: string, now: Date) {
  const r = await tx
    .update(households)
    .set({ name, version: version + 1, updatedAt: now })
    .where(and(eq(households.id, id), eq(households.version, version)))
    .returning();
  return r[0];
}

export async function membersOf(tx: Db, householdId: string): Promise<PersonRow[]> {
  return tx.select().from(persons).where(eq(persons.householdId, householdId)).orderBy(asc(persons.birthDate));
}

/** Which of these person ids have one of `unitIds` on their team. */
export async function onTeams(tx: Db, personIds: string[], unitIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0 || unitIds.length === 0) return new Set();
  const r = await tx
    .select({ personId: personTeam.personId })
    .from(personTeam)
    .where(and(inArray(personTeam.personId, personIds), inArray(personTeam.unitId, unitIds)));
  return new Set(r.map((x) => x.personId));
}

export async function unitIdsIn(tx: Db, municipalityId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await tx.select({ id: units.id }).from(units).where(and(eq(units.municipalityId, municipalityId), inArray(units.id, ids)));
  return new Set(r.map((x) => x.id));
}

/** Candidates for a duplicate warning: same id or DUF number, or a similar name. */
export async function duplicateCandidates(
  tx: Db,
  p: { municipalityId: string; nationalId: string | null; dufNumber: string | null; nameNormalised: string; nameKey: string; excludeId: string | null; teamUnitIds: string[] | null },
) {
  await rows(tx, SET_THRESHOLD_SQL);
  const conds = [];
  if (p.nationalId) conds.push(sql`p.national_id = ${p.nationalId}`);
  if (p.dufNumber) conds.push(sql`p.duf_number = ${p.dufNumber}`);
  // The name condition through the index-using function (migration 0010), not `<%` under the policy.
  if (p.nameNormalised) conds.push(sql`p.id IN (SELECT m.id FROM eidor_person_name_matches(${p.nameNormalised}, ${p.nameKey}) m)`);
  if (conds.length === 0) return [];
  const reach = p.teamUnitIds
    ? sql`AND EXISTS (SELECT 1 FROM person_team t WHERE t.person_id = p.id AND t.unit_id = ANY(${uuidArray(p.teamUnitIds)}::uuid[]))`
    : sql``;
  const exclude = p.excludeId ? sql`AND p.id <> ${p.excludeId}` : sql``;
  const score = p.nameNormalised
    ? sql`greatest(word_similarity(${p.nameNormalised}, p.search_text), word_similarity(${p.nameKey}, p.search_text))`
    : sql`NULL::real`;
  const res = (await tx.execute(sql`
    SELECT p.id, p.given_name, p.family_name, p.birth_date::text AS birth_date, p.sex, p.arrival_category,
           p.settlement_date::text AS settlement_date, p.status, p.household_id, p.national_id, p.duf_number, ${score} AS score
      FROM persons p
     WHERE p.municipality_id = ${p.municipalityId} AND (${sql.join(conds, sql` OR `)}) ${reach} ${exclude}
     ORDER BY score DESC NULLS LAST
     LIMIT 10`)) as unknown as { rows: (SearchRow & { national_id: string | null; duf_number: string | null })[] };
  return res.rows;
}
