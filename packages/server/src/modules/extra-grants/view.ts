import type { ExtraGrantApplicationView, ExtraGrantCaseView } from '@eidor/contract';
import {
  appliedAmount,
  compareDates,
  distributeGrant,
  effectiveDeadline,
  EXTRA_GRANT_CODE,
  extraGrantCap,
  extraGrantDeadline,
  extraGrantLastYear,
  extraGrantYear,
  type ExtraGrantRate,
} from '@eidor/domain';
import type { PersonRow } from '../persons/public.ts';
import type { ApplicationRow, CaseRow, ConsentRow, CostLineRow, RequestRow } from './queries.ts';

const iso = (v: Date | string) => new Date(v).toISOString();

/** Everything a case view is built from (loaded in one transaction). */
export type CaseData = {
  kase: CaseRow;
  person: PersonRow;
  firstSettlementDate: string | null;
  consents: ConsentRow[];
  requests: RequestRow[];
  costLines: CostLineRow[];
  applications: ApplicationRow[];
  rates: ExtraGrantRate[];
  today: string;
  canEdit: boolean;
};

/** The last grant year tilskudd 2 can be given for this person. */
export function lastYearOf(person: PersonRow, firstSettlementDate: string | null) {
  if (!firstSettlementDate) return { lastYear: 5, rule: 'tilskudd 2 gis i inntil fem år' };
  return extraGrantLastYear({ firstSettlementDate, birthDate: person.birthDate, unaccompaniedMinor: person.arrivalCategory === 'unaccompanied_minor' });
}

export function postponementOf(a: ApplicationRow) {
  return a.postponement_status && a.postponement_until ? { status: a.postponement_status, until: a.postponement_until } : null;
}

/** Sums, cap, applied amount and the distribution of one application. */
export function applicationFigures(a: ApplicationRow, costLines: CostLineRow[], rates: ExtraGrantRate[], firstSettlementDate: string) {
  const lines = costLines.filter((l) => l.grant_year === a.grant_year);
  const totalEstimate = lines.reduce((s, l) => s + l.estimate, 0);
  const withActual = lines.filter((l) => l.actual !== null);
  const totalActual = withActual.length === 0 ? null : withActual.reduce((s, l) => s + (l.actual ?? 0), 0);
  const calendarYear = extraGrantYear(firstSettlementDate, a.grant_year).year;
  const cap = extraGrantCap(a.kind, calendarYear, rates);
  const computed = appliedAmount(totalEstimate, cap?.amount ?? null);
  const applied = a.applied_amount ?? computed.amount;
  // Per unit: the estimates (what was applied for) decide the shares of what was granted.
  const byUnit = new Map<string, { unitId: string; unitName: string; cost: number; actual: number | null }>();
  for (const l of lines) {
    const u = byUnit.get(l.unit_id) ?? { unitId: l.unit_id, unitName: l.unit_name, cost: 0, actual: null };
    u.cost += l.estimate;
    if (l.actual !== null) u.actual = (u.actual ?? 0) + l.actual;
    byUnit.set(l.unit_id, u);
  }
  const units = [...byUnit.values()];
  const shares = distributeGrant(a.granted_amount ?? 0, units.map((u) => ({ key: u.unitId, amount: u.cost })));
  const distribution = units.map((u, i) => ({ ...u, share: shares[i]!.share }));
  return { lines, totalEstimate, totalActual, calendarYear, cap, applied, capped: a.applied_amount === null ? computed.capped : cap !== null && totalEstimate > cap.amount, distribution };
}

function presentApplication(a: ApplicationRow, data: CaseData): ExtraGrantApplicationView {
  const first = data.firstSettlementDate ?? data.today;
  const f = applicationFigures(a, data.costLines, data.rates, first);
  const effective = effectiveDeadline(a.deadline, postponementOf(a));
  const firstApplication = !data.applications.some((x) => x.grant_year < a.grant_year);
  const yearEnded = compareDates(data.today, extraGrantYear(first, a.grant_year).end) > 0;
  const e = data.canEdit;
  return {
    id: a.id,
    grantYear: a.grant_year,
    calendarYear: f.calendarYear,
    kind: a.kind,
    code: EXTRA_GRANT_CODE[a.kind],
    status: a.status,
    deadline: a.deadline,
    deadlineRule: extraGrantDeadline(first, a.grant_year, firstApplication).rule,
    effectiveDeadline: effective,
    overdue: a.status === 'draft' && compareDates(data.today, effective) > 0,
    postponement: a.postponement_status && a.postponement_until ? { status: a.postponement_status, requestedDate: a.postponement_requested_date, until: a.postponement_until } : null,
    submittedDate: a.submitted_date,
    totalEstimate: f.totalEstimate,
    totalActual: f.totalActual,
    cap: f.cap ? { amount: f.cap.amount, status: f.cap.status, source: f.cap.source } : null,
    appliedAmount: f.applied,
    capped: f.capped,
    grantedAmount: a.granted_amount,
    decisionDate: a.decision_date,
    appealDate: a.appeal_date,
    costsReportedDate: a.costs_reported_date,
    distribution: f.distribution,
    version: a.version,
    can: {
      requestPostponement: e && a.status === 'draft' && a.postponement_status === null,
      recordPostponement: e && a.postponement_status === 'requested',
      submit: e && a.status === 'draft',
      decide: e && (a.status === 'submitted' || a.status === 'appealed'),
      appeal: e && (a.status === 'granted' || a.status === 'partly_granted' || a.status === 'rejected'),
      reportCosts: e && (a.status === 'granted' || a.status === 'partly_granted') && yearEnded,
    },
  };
}

export function presentCase(data: CaseData): ExtraGrantCaseView {
  const { kase, person } = data;
  const last = lastYearOf(person, data.firstSettlementDate);
  const consentsForCheck = data.consents.map((c) => ({ scope: c.scope, consentDate: c.consent_date, withdrawnDate: c.withdrawn_date }));
  const inForce = data.consents.some((c) => c.withdrawn_date === null && compareDates(c.consent_date, data.today) <= 0);
  return {
    id: kase.id,
    personId: kase.person_id,
    person: {
      name: `${person.givenName} ${person.familyName}`,
      birthDate: person.birthDate,
      unaccompaniedMinor: person.arrivalCategory === 'unaccompanied_minor',
      firstSettlementDate: data.firstSettlementDate,
    },
    status: kase.status,
    signal: (kase.signal as ExtraGrantCaseView['signal']) ?? null,
    checklist: kase.checklist ?? {},
    lastGrantYear: last.lastYear,
    lastGrantYearRule: last.rule,
    firstDeadline: data.applications.length === 0 && data.firstSettlementDate ? extraGrantDeadline(data.firstSettlementDate, 1, true).due : null,
    consents: data.consents.map((c) => ({
      id: c.id,
      signedBy: c.signed_by,
      signerName: c.signer_name,
      scope: c.scope,
      scopeNote: c.scope_note,
      consentDate: c.consent_date,
      withdrawnDate: c.withdrawn_date,
      recordedAt: iso(c.recorded_at),
    })),
    consentInForce: inForce && consentsForCheck.length > 0,
    requests: data.requests.map((r) => presentRequestSummary(r, data.today)),
    costLines: data.costLines.map((l) => ({ id: l.id, unitId: l.unit_id, unitName: l.unit_name, grantYear: l.grant_year, description: l.description, currency: 'NOK' as const, estimate: l.estimate, actual: l.actual, version: l.version })),
    applications: data.applications.map((a) => presentApplication(a, data)),
    openedAt: iso(kase.opened_at),
    version: kase.version,
    can: { edit: data.canEdit },
  };
}

export function presentRequestSummary(r: RequestRow, today: string) {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitKind: r.unit_kind,
    kind: r.kind,
    message: r.message,
    dueDate: r.due_date,
    status: r.status,
    overdue: r.status === 'sent' && compareDates(today, r.due_date) > 0,
    answer: r.answer,
    costEstimate: r.cost_estimate === null ? null : Number(r.cost_estimate),
    informant: r.informant,
    answeredAt: r.answered_at ? iso(r.answered_at) : null,
    reminders: Number(r.reminders),
    sentAt: iso(r.sent_at),
    version: r.version,
  };
}

export function presentRequest(r: RequestRow, today: string, canAnswer: boolean) {
  const s = presentRequestSummary(r, today);
  return {
    id: s.id,
    unitId: s.unitId,
    unitName: s.unitName,
    person: { name: r.person_name, birthDate: r.birth_date },
    kind: s.kind,
    message: s.message,
    dueDate: s.dueDate,
    status: s.status,
    overdue: s.overdue,
    answer: s.answer,
    costEstimate: s.costEstimate,
    informant: s.informant,
    answeredAt: s.answeredAt,
    version: s.version,
    can: { answer: canAnswer && r.status === 'sent' },
  };
}
