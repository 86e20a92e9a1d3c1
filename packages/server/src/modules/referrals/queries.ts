import type { DataCategory, LegalBasis, ReferralStatus, UnitKind } from '@eidor/domain';
import type { Db } from '../../db/client.ts';
import { pgArray, preparedRows, rows } from '../../db/raw.ts';

// All SQL of referrals, consent and break-the-glass. Dates as YYYY-MM-DD text, so PGlite and
// PostgreSQL answer alike.

export type UnitRow = { id: string; name: string; kind: UnitKind; active: boolean };

export async function unitsByIds(tx: Db, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return rows<UnitRow>(tx, `SELECT id, name, kind, active FROM units WHERE id = ANY($1::uuid[])`, [pgArray(ids)]);
}

export async function activeUnitList(tx: Db): Promise<UnitRow[]> {
  return rows<UnitRow>(tx, `SELECT id, name, kind, active FROM units WHERE active ORDER BY name, id`);
}

// ---------- referrals ----------

export type ReferralRow = {
  id: string;
  person_id: string;
  person_name: string;
  person_birth_date: string | null;
  from_unit_id: string;
  from_unit_name: string;
  from_unit_kind: UnitKind;
  to_unit_id: string;
  to_unit_name: string;
  to_unit_kind: UnitKind;
  reason: string;
  requested_help: string;
  categories: DataCategory[];
  legal_basis: LegalBasis;
  consent_id: string | null;
  consent_purpose: string | null;
  consent_valid_from: string | null;
  consent_valid_until: string | null;
  consent_withdrawn_at: Date | string | null;
  due_date: string | null;
  status: ReferralStatus;
  sent_at: Date | string;
  sent_by_name: string | null;
  answered_at: Date | string | null;
  answered_by_name: string | null;
  answer_reason: string | null;
  ended_at: Date | string | null;
  ended_by_name: string | null;
  outcome: string | null;
  version: number;
};

const REFERRAL_SELECT = `
  SELECT r.id, r.person_id, p.given_name || ' ' || p.family_name AS person_name, to_char(p.birth_date, 'YYYY-MM-DD') AS person_birth_date,
         r.from_unit_id, fu.name AS from_unit_name, fu.kind AS from_unit_kind,
         r.to_unit_id, tu.name AS to_unit_name, tu.kind AS to_unit_kind,
         r.reason, r.requested_help, r.categories, r.legal_basis,
         r.consent_id, c.purpose AS consent_purpose, to_char(c.valid_from, 'YYYY-MM-DD') AS consent_valid_from,
         to_char(c.valid_until, 'YYYY-MM-DD') AS consent_valid_until, c.withdrawn_at AS consent_withdrawn_at,
         to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.status, r.sent_at, su.name AS sent_by_name,
         r.answered_at, au.name AS answered_by_name, r.answer_reason, r.ended_at, eu.name AS ended_by_name, r.outcome, r.version
    FROM referrals r
    JOIN persons p ON p.id = r.person_id
    JOIN units fu ON fu.id = r.from_unit_id
    JOIN units tu ON tu.id = r.to_unit_id
    LEFT JOIN consents c ON c.id = r.consent_id
    LEFT JOIN users su ON su.id = r.sent_by
    LEFT JOIN users au ON au.id = r.answered_by
    LEFT JOIN users eu ON eu.id = r.ended_by`;

export async function findReferral(tx: Db, id: string): Promise<ReferralRow | undefined> {
  return (await rows<ReferralRow>(tx, `${REFERRAL_SELECT} WHERE r.id = $1`, [id]))[0];
}

/** The person's referrals sent from or to one of `unitIds`, newest first. */
export async function referralsOfPerson(tx: Db, personId: string, unitIds: readonly string[]): Promise<ReferralRow[]> {
  if (unitIds.length === 0) return [];
  return preparedRows<ReferralRow>(
    tx,
    'referrals_of_person',
    `${REFERRAL_SELECT} WHERE r.person_id = $1 AND (r.from_unit_id = ANY($2::uuid[]) OR r.to_unit_id = ANY($2::uuid[])) ORDER BY r.sent_at DESC, r.id`,
    [personId, pgArray(unitIds)],
  );
}

/** Referrals received by (in) or sent from (out) the units; open = sent or accepted. Due first. */
export async function referralsOfUnits(tx: Db, unitIds: readonly string[], box: 'in' | 'out', open: boolean): Promise<ReferralRow[]> {
  if (unitIds.length === 0) return [];
  const col = box === 'in' ? 'r.to_unit_id' : 'r.from_unit_id';
  return rows<ReferralRow>(
    tx,
    `${REFERRAL_SELECT} WHERE ${col} = ANY($1::uuid[]) ${open ? `AND r.status IN ('sent','accepted')` : ''}
      ORDER BY r.due_date ASC NULLS LAST, r.sent_at DESC, r.id LIMIT 500`,
    [pgArray(unitIds)],
  );
}

export async function attachmentsOf(tx: Db, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  return preparedRows<{ referral_id: string; id: string; file_name: string; category: string }>(
    tx,
    'referral_attachments_of',
    `SELECT a.referral_id, d.id, d.file_name, d.category FROM referral_attachments a JOIN journal_documents d ON d.id = a.document_id
      WHERE a.referral_id = ANY($1::uuid[]) ORDER BY d.uploaded_at, d.id`,
    [pgArray(referralIds)],
  );
}

export async function insertReferral(
  tx: Db,
  v: {
    municipalityId: string;
    personId: string;
    fromUnitId: string;
    toUnitId: string;
    reason: string;
    requestedHelp: string;
    categories: readonly DataCategory[];
    legalBasis: LegalBasis;
    consentId: string | null;
    dueDate: string | null;
    now: Date;
    by: string;
  },
): Promise<string> {
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO referrals (municipality_id, person_id, from_unit_id, to_unit_id, reason, requested_help, categories, legal_basis, consent_id, due_date, status, sent_at, sent_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10::date, 'sent', $11, $12) RETURNING id`,
    [v.municipalityId, v.personId, v.fromUnitId, v.toUnitId, v.reason, v.requestedHelp, pgArray(v.categories), v.legalBasis, v.consentId, v.dueDate, v.now.toISOString(), v.by],
  );
  return r[0]!.id;
}

export async function insertAttachments(tx: Db, municipalityId: string, referralId: string, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  await rows(
    tx,
    `INSERT INTO referral_attachments (municipality_id, referral_id, document_id) SELECT $1, $2, d FROM unnest($3::uuid[]) AS d`,
    [municipalityId, referralId, pgArray(documentIds)],
  );
}

/** Moves a referral to its next status when the version matches; false when it is stale. */
export async function updateReferralStatus(
  tx: Db,
  id: string,
  version: number,
  to: ReferralStatus,
  v: { now: Date; by: string; answerReason?: string | null; outcome?: string | null; answered: boolean; ended: boolean },
): Promise<boolean> {
  const r = await rows<{ id: string }>(
    tx,
    `UPDATE referrals SET status = $3, version = version + 1,
            answered_at = CASE WHEN $4 THEN $6::timestamptz ELSE answered_at END,
            answered_by = CASE WHEN $4 THEN $7::uuid ELSE answered_by END,
            answer_reason = CASE WHEN $4 THEN $8 ELSE answer_reason END,
            ended_at = CASE WHEN $5 THEN $6::timestamptz ELSE ended_at END,
            ended_by = CASE WHEN $5 THEN $7::uuid ELSE ended_by END,
            outcome = CASE WHEN $5 THEN $9 ELSE outcome END
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, to, v.answered, v.ended, v.now.toISOString(), v.by, v.answerReason ?? null, v.outcome ?? null],
  );
  return r.length === 1;
}

/** The person's journal documents in the given journal categories. */
export async function documentsOfPerson(tx: Db, personId: string, journalCategories: readonly string[]) {
  if (journalCategories.length === 0) return [];
  return rows<{ id: string; file_name: string; category: string }>(
    tx,
    `SELECT id, file_name, category FROM journal_documents WHERE person_id = $1 AND category = ANY($2::text[]) ORDER BY uploaded_at DESC, id LIMIT 200`,
    [personId, pgArray(journalCategories)],
  );
}

export async function documentsByIds(tx: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return rows<{ id: string; person_id: string; category: string }>(tx, `SELECT id, person_id, category FROM journal_documents WHERE id = ANY($1::uuid[])`, [pgArray(ids)]);
}

// ---------- consents ----------

export type ConsentRow = {
  id: string;
  person_id: string;
  given_by: 'person' | 'guardian';
  guardian_name: string | null;
  purpose: string;
  categories: DataCategory[];
  valid_from: string;
  valid_until: string;
  recorded_at: Date | string;
  recorded_by_name: string | null;
  withdrawn_on: string | null;
  withdrawn_by: 'person' | 'guardian' | null;
  withdrawn_by_name: string | null;
  withdrawn_at: Date | string | null;
  withdrawal_recorded_by_name: string | null;
  version: number;
  unit_ids: string[];
};

const CONSENT_SELECT = `
  SELECT c.id, c.person_id, c.given_by, c.guardian_name, c.purpose, c.categories,
         to_char(c.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(c.valid_until, 'YYYY-MM-DD') AS valid_until,
         c.recorded_at, ru.name AS recorded_by_name, to_char(c.withdrawn_on, 'YYYY-MM-DD') AS withdrawn_on, c.withdrawn_by,
         c.withdrawn_by_name, c.withdrawn_at, wu.name AS withdrawal_recorded_by_name, c.version,
         coalesce((SELECT array_agg(cu.unit_id ORDER BY cu.unit_id) FROM consent_units cu WHERE cu.consent_id = c.id), '{}') AS unit_ids
    FROM consents c
    LEFT JOIN users ru ON ru.id = c.recorded_by
    LEFT JOIN users wu ON wu.id = c.withdrawal_recorded_by`;

export async function consentsOfPerson(tx: Db, personId: string): Promise<ConsentRow[]> {
  return rows<ConsentRow>(tx, `${CONSENT_SELECT} WHERE c.person_id = $1 ORDER BY c.recorded_at DESC, c.id`, [personId]);
}

export async function findConsent(tx: Db, id: string): Promise<ConsentRow | undefined> {
  return (await rows<ConsentRow>(tx, `${CONSENT_SELECT} WHERE c.id = $1`, [id]))[0];
}

export async function insertConsent(
  tx: Db,
  v: {
    municipalityId: string;
    personId: string;
    givenBy: 'person' | 'guardian';
    guardianName: string | null;
    purpose: string;
    categories: readonly DataCategory[];
    unitIds: readonly string[];
    validFrom: string;
    validUntil: string;
    effectiveFrom: Date;
    effectiveUntil: Date;
    now: Date;
    by: string;
  },
): Promise<string> {
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO consents (municipality_id, person_id, given_by, guardian_name, purpose, categories, valid_from, valid_until, effective_from, effective_until, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7::date, $8::date, $9, $10, $11, $12) RETURNING id`,
    [
      v.municipalityId,
      v.personId,
      v.givenBy,
      v.guardianName,
      v.purpose,
      pgArray(v.categories),
      v.validFrom,
      v.validUntil,
      v.effectiveFrom.toISOString(),
      v.effectiveUntil.toISOString(),
      v.now.toISOString(),
      v.by,
    ],
  );
  const id = r[0]!.id;
  await rows(tx, `INSERT INTO consent_units (municipality_id, consent_id, unit_id) SELECT $1, $2, u FROM unnest($3::uuid[]) AS u`, [v.municipalityId, id, pgArray(v.unitIds)]);
  return id;
}

export async function withdrawConsentRow(
  tx: Db,
  id: string,
  version: number,
  v: { on: string; by: 'person' | 'guardian'; byName: string | null; now: Date; recordedBy: string },
): Promise<boolean> {
  const r = await rows<{ id: string }>(
    tx,
    `UPDATE consents SET withdrawn_on = $3::date, withdrawn_by = $4, withdrawn_by_name = $5, withdrawn_at = $6, withdrawal_recorded_by = $7, version = version + 1
      WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL RETURNING id`,
    [id, version, v.on, v.by, v.byName, v.now.toISOString(), v.recordedBy],
  );
  return r.length === 1;
}

/** Open referrals resting on a consent (their receivers lose access when it is withdrawn). */
export async function openReferralsOnConsent(tx: Db, consentId: string) {
  return rows<{ id: string; to_unit_id: string; from_unit_id: string }>(tx, `SELECT id, to_unit_id, from_unit_id FROM referrals WHERE consent_id = $1 AND status IN ('sent','accepted')`, [consentId]);
}

// ---------- break-the-glass ----------

export type BreakGlassRow = { id: string; person_id: string; user_id: string; reason: string; started_at: Date | string; expires_at: Date | string; ended_at: Date | string | null };

export async function personIdByNumber(tx: Db, municipalityId: string, kind: 'national_id' | 'duf_number', value: string): Promise<string | undefined> {
  const col = kind === 'national_id' ? 'national_id' : 'duf_number';
  return (await rows<{ id: string }>(tx, `SELECT id FROM persons WHERE municipality_id = $1 AND ${col} = $2 LIMIT 1`, [municipalityId, value]))[0]?.id;
}

export async function insertBreakGlass(
  tx: Db,
  v: { municipalityId: string; personId: string; userId: string; unitId: string; reason: string; startedAt: Date; expiresAt: Date },
): Promise<BreakGlassRow> {
  return (
    await rows<BreakGlassRow>(
      tx,
      `INSERT INTO break_glass_grants (municipality_id, person_id, user_id, unit_id, reason, started_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, person_id, user_id, reason, started_at, expires_at, ended_at`,
      [v.municipalityId, v.personId, v.userId, v.unitId, v.reason, v.startedAt.toISOString(), v.expiresAt.toISOString()],
    )
  )[0]!;
}

/** The user's grant on a person in force at `at`, if any (the latest). */
export async function activeBreakGlass(tx: Db, userId: string, personId: string, at: Date): Promise<BreakGlassRow | undefined> {
  return (
    await rows<BreakGlassRow>(
      tx,
      `SELECT id, person_id, user_id, reason, started_at, expires_at, ended_at FROM break_glass_grants
        WHERE user_id = $1 AND person_id = $2 AND started_at <= $3::timestamptz AND expires_at > $3::timestamptz AND ended_at IS NULL
        ORDER BY started_at DESC LIMIT 1`,
      [userId, personId, at.toISOString()],
    )
  )[0];
}

export async function findBreakGlass(tx: Db, id: string): Promise<BreakGlassRow | undefined> {
  return (await rows<BreakGlassRow>(tx, `SELECT id, person_id, user_id, reason, started_at, expires_at, ended_at FROM break_glass_grants WHERE id = $1`, [id]))[0];
}

export async function endBreakGlassRow(tx: Db, id: string, at: Date): Promise<BreakGlassRow | undefined> {
  return (
    await rows<BreakGlassRow>(
      tx,
      `UPDATE break_glass_grants SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL RETURNING id, person_id, user_id, reason, started_at, expires_at, ended_at`,
      [id, at.toISOString()],
    )
  )[0];
}

/** Users holding the leader role in a refugee-service unit: who hears of a break-the-glass when the person has no coordinator. */
export async function refugeeServiceLeaders(tx: Db): Promise<string[]> {
  const r = await rows<{ user_id: string }>(
    tx,
    `SELECT DISTINCT ra.user_id FROM role_assignments ra JOIN units u ON u.id = ra.unit_id WHERE ra.role = 'leader' AND u.kind = 'refugee_service' AND u.active`,
  );
  return r.map((x) => x.user_id);
}
