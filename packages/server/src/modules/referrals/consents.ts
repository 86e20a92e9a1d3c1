import { canAccessPerson, consentWindow, osloDate, type DataCategory, type Relationship } from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { notify } from '../notifications/public.ts';
import { loadReachablePerson } from '../persons/public.ts';
import { invalid } from './access.ts';
import { presentConsent } from './presenter.ts';
import { activeUnitList, consentsOfPerson, findConsent, insertConsent, openReferralsOnConsent, unitsByIds, withdrawConsentRow, type ConsentRow } from './queries.ts';

/**
 * Who records or withdraws a consent: whoever writes the person's identity (the refugee service),
 * or whoever writes every category the consent names (a health worker recording a health consent).
 */
export function mayRecordConsent(ctx: Ctx, relationships: Map<string, Relationship[]>, categories: readonly DataCategory[]) {
  const identity = canAccessPerson(ctx.actor, 'write', 'identity', relationships);
  if (identity.allowed) return identity;
  const each = categories.map((c) => canAccessPerson(ctx.actor, 'write', c, relationships));
  return each.length > 0 && each.every((d) => d.allowed) ? each[0]! : { allowed: false as const, reason: 'may not write these categories' };
}

async function unitMap(ctx: Ctx, rows: ConsentRow[]) {
  const units = await unitsByIds(ctx.tx, [...new Set(rows.flatMap((r) => r.unit_ids))]);
  return new Map(units.map((u) => [u.id, u]));
}

/**
 * The consents the actor may see in full: all of them for those who keep the person's record (write
 * identity: the refugee service, who records and withdraws consents — a consent record names what may be
 * shared, not the data itself); otherwise those whose every category the actor may read for the person,
 * or that cover one of the actor's units. The others are only counted.
 */
export function visibleConsents<T extends { categories: readonly DataCategory[]; unit_ids: readonly string[] }>(ctx: Ctx, relationships: Map<string, Relationship[]>, rows: T[]) {
  const mine = new Set(ctx.actor.assignments.map((a) => a.unitId));
  const keeper = canAccessPerson(ctx.actor, 'write', 'identity', relationships).allowed;
  const shown = rows.filter(
    (c) => keeper || c.unit_ids.some((u) => mine.has(u)) || c.categories.every((cat) => canAccessPerson(ctx.actor, 'read', cat, relationships).allowed),
  );
  return { shown, hidden: rows.length - shown.length };
}

export async function personConsents(ctx: Ctx, personId: string) {
  const { relationships } = await loadReachablePerson(ctx, personId);
  const { shown: rows, hidden } = visibleConsents(ctx, relationships, await consentsOfPerson(ctx.tx, personId));
  const units = await unitMap(ctx, rows);
  const shownCategories = [...new Set<DataCategory>(['identity', ...rows.flatMap((c) => c.categories)])];
  await ctx.audit({ action: 'consent.read', subjectType: 'person', subjectId: personId, categories: shownCategories, via: canAccessPerson(ctx.actor, 'read', 'identity', relationships).via });
  const canRecord = canAccessPerson(ctx.actor, 'write', 'identity', relationships).allowed || DATA_WRITE(ctx, relationships);
  return {
    personId,
    items: rows.map((c) => presentConsent(c, units, ctx.now, mayRecordConsent(ctx, relationships, c.categories).allowed)),
    /** How many other consents the person has, whose details the actor may not see. */
    hidden,
    can: { record: canRecord },
    units: canRecord ? (await activeUnitList(ctx.tx)).map((u) => ({ id: u.id, name: u.name, kind: u.kind })) : [],
  };
}

/** Can the actor write any category of the person (then they may record a consent for those)? */
function DATA_WRITE(ctx: Ctx, relationships: Map<string, Relationship[]>): boolean {
  return (['settlement', 'programme', 'health', 'child_welfare', 'economy'] as const).some((c) => canAccessPerson(ctx.actor, 'write', c, relationships).allowed);
}

export type RecordConsentInput = {
  givenBy: 'person' | 'guardian';
  guardianName: string | null;
  purpose: string;
  categories: DataCategory[];
  unitIds: string[];
  validFrom: string;
  validUntil: string;
};

export async function recordConsent(ctx: Ctx, personId: string, input: RecordConsentInput) {
  const { relationships } = await loadReachablePerson(ctx, personId);
  const decision = mayRecordConsent(ctx, relationships, input.categories);
  if (!decision.allowed) throw forbidden();
  const found = await unitsByIds(ctx.tx, input.unitIds);
  if (found.length !== input.unitIds.length || found.some((u) => !u.active)) throw invalid('unitIds', 'must be active units of the municipality');
  if (input.validUntil < osloDate(ctx.now)) throw invalid('validUntil', 'must not be in the past');
  const w = consentWindow(input.validFrom, input.validUntil);
  const id = await insertConsent(ctx.tx, {
    municipalityId: ctx.actor.municipalityId,
    personId,
    givenBy: input.givenBy,
    guardianName: input.givenBy === 'guardian' ? input.guardianName : null,
    purpose: input.purpose,
    categories: input.categories,
    unitIds: input.unitIds,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    effectiveFrom: w.from,
    effectiveUntil: w.until,
    now: ctx.now,
    by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'consent.record', subjectType: 'person', subjectId: personId, categories: ['identity', ...input.categories], via: 'via' in decision ? decision.via : undefined });
  const row = (await findConsent(ctx.tx, id))!;
  return presentConsent(row, await unitMap(ctx, [row]), ctx.now, true);
}

export type WithdrawConsentInput = { withdrawnOn: string; withdrawnBy: 'person' | 'guardian'; withdrawnByName: string | null; version: number };

/** Records a withdrawal: the policy stops granting at this instant, referrals resting on it lose their access. */
export async function withdrawConsent(ctx: Ctx, id: string, input: WithdrawConsentInput) {
  const c = await findConsent(ctx.tx, id);
  if (!c) throw notFound();
  const { relationships } = await loadReachablePerson(ctx, c.person_id);
  const decision = mayRecordConsent(ctx, relationships, c.categories);
  if (!decision.allowed) throw forbidden();
  if (input.withdrawnOn > osloDate(ctx.now)) throw invalid('withdrawnOn', 'must not be in the future');
  if (input.withdrawnOn < c.valid_from) throw invalid('withdrawnOn', 'must not be before the consent was given');
  if (c.withdrawn_at) throw invalid('version', 'the consent is already withdrawn');
  const ok = await withdrawConsentRow(ctx.tx, id, input.version, {
    on: input.withdrawnOn,
    by: input.withdrawnBy,
    byName: input.withdrawnBy === 'guardian' ? input.withdrawnByName : null,
    now: ctx.now,
    recordedBy: ctx.actor.userId,
  });
  if (!ok) throw versionConflict();
  await ctx.audit({ action: 'consent.withdraw', subjectType: 'person', subjectId: c.person_id, categories: ['identity', ...c.categories], via: 'via' in decision ? decision.via : undefined });
  const referrals = await openReferralsOnConsent(ctx.tx, id);
  const unitIds = [...new Set([...c.unit_ids, ...referrals.map((r) => r.to_unit_id)])];
  await notify(ctx, { kind: 'consent_withdrawn', recipients: { unitIds }, personId: c.person_id, link: `/people/${c.person_id}` });
  const row = (await findConsent(ctx.tx, id))!;
  return presentConsent(row, await unitMap(ctx, [row]), ctx.now, true);
}
