import { JOURNAL_DATA_CATEGORY, type JournalCategoryName } from '@eidor/contract';
import {
  canAccessPerson,
  consentCoversReferral,
  consentState,
  DATA_CATEGORIES,
  LEGAL_BASIS_CITATION,
  osloDate,
  receivableCategories,
  referralIsOpen,
  referralTransition,
  type DataCategory,
  type LegalBasis,
  type ReferralAction,
  type Relationship,
} from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { notify } from '../notifications/public.ts';
import { loadReachablePerson, relationshipsTo } from '../persons/public.ts';
import { closeTask, upsertTask } from '../tasks/service.ts';
import { actingAssignment, actingUnitIds, invalid, sidesOf } from './access.ts';
import { presentReferral, type Disclosure } from './presenter.ts';
import {
  attachmentsOf,
  documentsByIds,
  findConsent,
  findReferral,
  insertAttachments,
  insertReferral,
  referralsOfPerson,
  unitsByIds,
  updateReferralStatus,
  type ReferralRow,
} from './queries.ts';

export type SendReferralInput = {
  fromUnitId: string | null;
  toUnitId: string;
  reason: string;
  requestedHelp: string;
  categories: DataCategory[];
  legalBasis: LegalBasis;
  consentId: string | null;
  attachmentIds: string[];
  dueDate: string | null;
};

const taskKey = (id: string) => `referral:${id}`;

/** The receiving unit's open referral on the shared work queue: answer it, then follow it up. */
async function referralTask(ctx: Ctx, r: ReferralRow): Promise<void> {
  if (!referralIsOpen(r.status)) return closeTask(ctx, taskKey(r.id));
  await upsertTask(ctx, {
    sourceKey: taskKey(r.id),
    kind: 'referrals.referral',
    itemKey: r.status === 'sent' ? 'answer' : 'follow_up',
    // The person is not named on the queue: until the referral is accepted the unit does not reach them.
    title: r.status === 'sent' ? `Svar på henvisning fra ${r.from_unit_name}` : `Følg opp henvisning fra ${r.from_unit_name}`,
    titleParams: { unit: r.from_unit_name },
    description: null,
    legalBasis: LEGAL_BASIS_CITATION[r.legal_basis],
    category: 'identity',
    personId: null,
    ownerUnitId: r.to_unit_id,
    dueDate: r.due_date,
  });
}

/**
 * What of a referral the actor may see beyond status, dates and units, and what that read is
 * (categories shown, the casework role it went through) for the audit.
 * - Receiving side: the person and the texts while it must decide or works on it (sent, or accepted
 *   with its consent, if any, in force); after that, nothing about the person.
 * - Sending side: the person, and the texts and attachments only if the actor may read every named category.
 */
export async function referralDisclosure(ctx: Ctx, r: ReferralRow, sides: readonly string[], known?: KnownPerson) {
  const d: Disclosure = { person: false, details: false };
  let via = undefined as ReturnType<typeof actingAssignment>;
  if (sides.includes('receiver')) {
    const consentInForce =
      !r.consent_id ||
      (r.consent_valid_from !== null &&
        r.consent_valid_until !== null &&
        consentState({ validFrom: r.consent_valid_from, validUntil: r.consent_valid_until, withdrawnAt: r.consent_withdrawn_at ? new Date(r.consent_withdrawn_at) : null }, ctx.now) === 'active');
    if (referralIsOpen(r.status) && consentInForce) {
      d.person = true;
      d.details = true;
      via = actingAssignment(ctx, r.to_unit_id);
    }
  }
  if (sides.includes('sender') && !d.details) {
    const relationships = known?.personId === r.person_id ? known.relationships : await relationshipsTo(ctx, r.person_id);
    const identity = canAccessPerson(ctx.actor, 'read', 'identity', relationships);
    if (identity.allowed) {
      d.person = true;
      d.details = r.categories.every((c) => canAccessPerson(ctx.actor, 'read', c, relationships).allowed);
      via = actingAssignment(ctx, r.from_unit_id);
    }
  }
  const categories: DataCategory[] = d.person ? ['identity', ...(d.details ? r.categories.filter((c) => c !== 'identity') : [])] : [];
  return { disclose: d, categories, via };
}

/** A person whose relationships to the actor the caller has loaded already (saves loading them again). */
export type KnownPerson = { personId: string; relationships: Map<string, Relationship[]> };

/** The referrals as the actor sees them; each person shown is audited with the categories shown and the role it went through. */
export async function presentReferrals(ctx: Ctx, list: ReferralRow[], action: string, known?: KnownPerson) {
  const atts = await attachmentsOf(ctx.tx, list.map((r) => r.id));
  const out = [];
  for (const r of list) {
    const sides = sidesOf(ctx, r);
    const shown = await referralDisclosure(ctx, r, sides, known);
    if (shown.categories.length > 0) {
      await ctx.audit({ action, subjectType: 'person', subjectId: r.person_id, categories: shown.categories, via: shown.via });
    }
    out.push(presentReferral(r, atts.filter((a) => a.referral_id === r.id), sides, ctx.now, shown.disclose));
  }
  return out;
}

/**
 * The person page's referrals: the open ones the actor's units are a side of, presented and audited
 * as on the referrals page, and how many the actor may see in all (ended ones only counted).
 */
export async function referralsForPage(ctx: Ctx, personId: string, relationships: Map<string, Relationship[]>) {
  const all = await referralsOfPerson(ctx.tx, personId, actingUnitIds(ctx));
  const open = all.filter((r) => referralIsOpen(r.status));
  return { total: all.length, open: await presentReferrals(ctx, open, 'referral.read', { personId, relationships }) };
}

/** One referral as the actor sees it. */
export async function referralView(ctx: Ctx, id: string) {
  const r = await findReferral(ctx.tx, id);
  if (!r) throw notFound();
  const sides = sidesOf(ctx, r);
  if (sides.length === 0) throw notFound();
  const shown = await referralDisclosure(ctx, r, sides);
  return { row: r, shown, view: presentReferral(r, await attachmentsOf(ctx.tx, [id]), sides, ctx.now, shown.disclose) };
}

/** Sends a referral about a person from one of the actor's units to another unit. */
export async function sendReferral(ctx: Ctx, personId: string, input: SendReferralInput) {
  const { relationships } = await loadReachablePerson(ctx, personId);
  // Referring is casework: the sender works with the person (writes some category of the record).
  const works = DATA_CATEGORIES.map((c) => canAccessPerson(ctx.actor, 'write', c, relationships)).find((d) => d.allowed);
  if (!works?.via) throw forbidden();
  const acting = actingUnitIds(ctx);
  const fromUnitId = input.fromUnitId ?? works.via.unitId;
  if (!acting.includes(fromUnitId)) throw invalid('fromUnitId', 'must be one of your own units');
  if (input.toUnitId === fromUnitId) throw invalid('toUnitId', 'a referral must go to another unit than the one sending it');
  const to = (await unitsByIds(ctx.tx, [input.toUnitId]))[0];
  if (!to || !to.active) throw invalid('toUnitId', 'is not an active unit of the municipality');
  // A referral never opens what the sender cannot read itself.
  const unreadable = input.categories.filter((c) => c !== 'identity' && !canAccessPerson(ctx.actor, 'read', c, relationships).allowed);
  if (unreadable.length > 0) throw invalid('categories', `you may not read ${unreadable.join(', ')} for this person, so a referral from you cannot name it`);
  const receivable = receivableCategories(to.kind);
  const impossible = input.categories.filter((c) => !receivable.includes(c));
  if (impossible.length > 0) throw invalid('categories', `a unit of kind ${to.kind} can never read ${impossible.join(', ')}`);
  if (input.dueDate && input.dueDate < osloDate(ctx.now)) throw invalid('dueDate', 'must not be in the past');

  if (input.legalBasis === 'consent') {
    if (!input.consentId) throw invalid('consentId', 'is required when the legal basis is consent');
    const c = await findConsent(ctx.tx, input.consentId);
    if (!c || c.person_id !== personId) throw invalid('consentId', "is not one of the person's consents");
    const state = consentState({ validFrom: c.valid_from, validUntil: c.valid_until, withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at) : null }, ctx.now);
    if (state !== 'active') throw invalid('consentId', `the consent is ${state}, not in force`);
    if (!consentCoversReferral({ unitIds: c.unit_ids, categories: c.categories }, input.toUnitId, input.categories)) {
      throw invalid('consentId', 'the consent does not cover the receiving unit and every category');
    }
  } else if (input.consentId) {
    throw invalid('consentId', 'only with the legal basis consent');
  }

  const attachmentIds = [...new Set(input.attachmentIds)];
  if (attachmentIds.length > 0) {
    const docs = await documentsByIds(ctx.tx, attachmentIds);
    for (const id of attachmentIds) {
      const d = docs.find((x) => x.id === id);
      const dataCategory = d ? JOURNAL_DATA_CATEGORY[d.category as JournalCategoryName] : undefined;
      if (!d || d.person_id !== personId || !dataCategory || !canAccessPerson(ctx.actor, 'read', dataCategory, relationships).allowed) {
        throw invalid('attachmentIds', "must be documents of the person's journal that you may read");
      }
      // The receiver reads an attachment only under a category the referral names.
      if (dataCategory !== 'identity' && !input.categories.includes(dataCategory)) {
        throw invalid('attachmentIds', `a ${d.category} document needs the category ${dataCategory} on the referral`);
      }
    }
  }

  const id = await insertReferral(ctx.tx, {
    municipalityId: ctx.actor.municipalityId,
    personId,
    fromUnitId,
    toUnitId: input.toUnitId,
    reason: input.reason,
    requestedHelp: input.requestedHelp,
    categories: input.categories,
    legalBasis: input.legalBasis,
    consentId: input.consentId,
    dueDate: input.dueDate,
    now: ctx.now,
    by: ctx.actor.userId,
  });
  await insertAttachments(ctx.tx, ctx.actor.municipalityId, id, attachmentIds);
  const row = (await findReferral(ctx.tx, id))!;
  await referralTask(ctx, row);
  await ctx.audit({ action: 'referral.send', subjectType: 'person', subjectId: personId, categories: ['identity', ...input.categories], via: works.via });
  await notify(ctx, { kind: 'referral_new', recipients: { unitIds: [input.toUnitId] }, link: `/referrals/${id}`, params: { unit: row.from_unit_name } });
  const sentSides = sidesOf(ctx, row);
  return presentReferral(row, await attachmentsOf(ctx.tx, [id]), sentSides, ctx.now, (await referralDisclosure(ctx, row, sentSides)).disclose);
}

/** Accept, decline, close or withdraw: the status moves on, the task follows, access begins or ends at once. */
export async function actOnReferral(ctx: Ctx, id: string, action: ReferralAction, body: { version: number; reason?: string | null; outcome?: string }) {
  const r = await findReferral(ctx.tx, id);
  if (!r) throw notFound();
  const sides = sidesOf(ctx, r);
  if (sides.length === 0) throw notFound();
  const t = referralTransition(r.status, action, sides);
  if (!t.ok) {
    if (t.reason === 'wrong_side') throw forbidden();
    throw new AppError('CONFLICT', `A referral that is ${r.status} cannot be ${action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : action === 'close' ? 'closed' : 'withdrawn'}`);
  }
  if ((action === 'accept' || action === 'decline') && sides.includes('sender')) {
    throw new AppError('FORBIDDEN', `You act for both the sending and the receiving unit of this referral: someone else in ${r.to_unit_name} must answer it`);
  }
  if (action === 'decline' && !body.reason) throw invalid('reason', 'is required when declining');
  const ok = await updateReferralStatus(ctx.tx, id, body.version, t.to, {
    now: ctx.now,
    by: ctx.actor.userId,
    answered: action === 'accept' || action === 'decline',
    ended: t.to !== 'accepted',
    answerReason: body.reason ?? null,
    outcome: action === 'close' ? (body.outcome ?? null) : action === 'withdraw' ? (body.reason ?? null) : null,
  });
  if (!ok) throw versionConflict();
  const row = (await findReferral(ctx.tx, id))!;
  await referralTask(ctx, row);
  const via = ctx.actor.assignments.find((a) => a.unitId === (sides.includes('receiver') && action !== 'withdraw' ? r.to_unit_id : r.from_unit_id));
  await ctx.audit({ action: `referral.${action}`, subjectType: 'person', subjectId: r.person_id, categories: ['identity'], via });
  if (action === 'accept' || action === 'decline') {
    await notify(ctx, { kind: 'referral_answered', recipients: { unitIds: [r.from_unit_id] }, link: `/referrals/${id}`, params: { unit: r.to_unit_name, decision: action } });
  }
  return presentReferral(row, await attachmentsOf(ctx.tx, [id]), sides, ctx.now, (await referralDisclosure(ctx, row, sides)).disclose);
}
