import { consentState, referralTransition, type ConsentState, type ReferralSide } from '@eidor/domain';
import type { BreakGlassRow, ConsentRow, ReferralRow, UnitRow } from './queries.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

function consentStateOf(r: { valid_from: string; valid_until: string; withdrawn_at: Date | string | null }, now: Date): ConsentState {
  return consentState({ validFrom: r.valid_from, validUntil: r.valid_until, withdrawnAt: r.withdrawn_at === null ? null : new Date(r.withdrawn_at) }, now);
}

/** What of a referral the reader may see beyond its status, dates and units (see `referralDisclosure`). */
export type Disclosure = { person: boolean; details: boolean };

/** What leaves the server of one referral, seen from the actor's side(s): withheld parts are null and marked. */
export function presentReferral(r: ReferralRow, attachments: { id: string; file_name: string; category: string }[], sides: ReferralSide[], now: Date, disclose: Disclosure) {
  const consent =
    r.consent_id && r.consent_valid_from && r.consent_valid_until
      ? { id: r.consent_id, purpose: r.consent_purpose ?? '', state: consentStateOf({ valid_from: r.consent_valid_from, valid_until: r.consent_valid_until, withdrawn_at: r.consent_withdrawn_at }, now) }
      : null;
  const may = (a: 'accept' | 'decline' | 'close' | 'withdraw') => referralTransition(r.status, a, sides).ok;
  return {
    id: r.id,
    person: { id: r.person_id, name: disclose.person ? r.person_name : null, birthDate: disclose.person ? r.person_birth_date : null },
    from: { id: r.from_unit_id, name: r.from_unit_name, kind: r.from_unit_kind },
    to: { id: r.to_unit_id, name: r.to_unit_name, kind: r.to_unit_kind },
    reason: disclose.details ? r.reason : null,
    requestedHelp: disclose.details ? r.requested_help : null,
    categories: r.categories,
    legalBasis: r.legal_basis,
    consent: consent && !disclose.details ? { ...consent, purpose: null } : consent,
    attachments: !disclose.details ? [] : attachments.map((a) => ({ id: a.id, fileName: a.file_name, category: a.category })),
    dueDate: r.due_date,
    status: r.status,
    sentAt: iso(r.sent_at),
    sentBy: r.sent_by_name,
    answeredAt: isoOrNull(r.answered_at),
    answeredBy: r.answered_by_name,
    answerReason: r.answer_reason,
    endedAt: isoOrNull(r.ended_at),
    endedBy: r.ended_by_name,
    outcome: r.outcome,
    givesAccess: r.status === 'accepted' && (consent === null || consent.state === 'active'),
    version: r.version,
    withheld: { person: !disclose.person, details: !disclose.details },
    side: sides,
    can: { accept: may('accept'), decline: may('decline'), close: may('close'), withdraw: may('withdraw') },
  };
}

export function presentConsent(c: ConsentRow, units: Map<string, UnitRow>, now: Date, canWithdraw: boolean) {
  const state = consentStateOf(c, now);
  return {
    id: c.id,
    personId: c.person_id,
    givenBy: c.given_by,
    guardianName: c.guardian_name,
    purpose: c.purpose,
    categories: c.categories,
    units: c.unit_ids.flatMap((id) => {
      const u = units.get(id);
      return u ? [{ id: u.id, name: u.name, kind: u.kind }] : [];
    }),
    validFrom: c.valid_from,
    validUntil: c.valid_until,
    state,
    recordedAt: iso(c.recorded_at),
    recordedBy: c.recorded_by_name,
    withdrawal:
      c.withdrawn_at && c.withdrawn_on && c.withdrawn_by
        ? { on: c.withdrawn_on, by: c.withdrawn_by, byName: c.withdrawn_by_name, recordedAt: iso(c.withdrawn_at), recordedBy: c.withdrawal_recorded_by_name }
        : null,
    version: c.version,
    canWithdraw: canWithdraw && state !== 'withdrawn' && state !== 'expired',
  };
}

export function presentBreakGlass(g: BreakGlassRow) {
  return { id: g.id, personId: g.person_id, startedAt: iso(g.started_at), expiresAt: iso(g.expires_at), endedAt: isoOrNull(g.ended_at), reason: g.reason };
}
