import { addDays, ageOn, compareDates, daysBetween, daysInMonth, parseIsoDate, type IsoDate } from '../calendar/date.ts';
import { G_TABLE, gChangesWithin, gOn, type RateEntry } from '../rates/g.ts';

/**
 * The introduction benefit (introduksjonsstønad), rules.md § 2. All amounts are integer øre.
 * Every figure comes with lines that say how it was reached, so a participant, a caseworker and an
 * auditor can follow it.
 */
export type Regime = 'introl' | 'integl' | '6a';

export type RateProfile = {
  regime: Regime;
  birthDate: IsoDate;
  /** IntegL: under 25 and living with one or both parents → 1/3. */
  livesWithParents: boolean;
  /** IntegL § 20 fourth paragraph: spouses/cohabitants both in the programme, no children → 5/6. */
  coupleBothParticipantsNoChildren: boolean;
};

/** A rate as a fraction of 2G, kept exact. */
export type Fraction = { num: number; den: number };

export function rateFactor(p: RateProfile, on: IsoDate): { factor: Fraction; reasons: string[] } {
  let num = 1;
  let den = 1;
  const reasons: string[] = [];
  const age = ageOn(p.birthDate, on);
  if (age < 25) {
    if (p.regime === 'introl') {
      num *= 2;
      den *= 3;
      reasons.push('under 25: 2/3 (introduksjonsloven § 8)');
    } else if (p.livesWithParents) {
      den *= 3;
      reasons.push('under 25 and living with parents: 1/3 (integreringsloven § 20)');
    } else {
      num *= 2;
      den *= 3;
      reasons.push('under 25, not living with parents: 2/3 (integreringsloven § 20)');
    }
  } else {
    reasons.push('25 or over: full rate 2G');
  }
  if (p.coupleBothParticipantsNoChildren && p.regime !== 'introl') {
    num *= 5;
    den *= 6;
    reasons.push('couple both in the programme, no children: 5/6 (integreringsloven § 20 fourth paragraph)');
  }
  const g = gcd(num, den);
  return { factor: { num: num / g, den: den / g }, reasons };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Annual benefit in øre for a G (kroner) and a factor: 2 × G × factor. */
export function annualAmount(g: number, f: Fraction): number {
  return Math.round((2 * g * 100 * f.num) / f.den);
}

/** A closed period of days, both ends included. */
export type ClosedPeriod = { from: IsoDate; to: IsoDate };

export type UnexcusedAbsence = { date: IsoDate; unit: 'hour' | 'day'; quantity: number };

export const OTHER_BENEFIT_KINDS = [
  'dagpenger',
  'sykepenger',
  'foreldrepenger',
  'arbeidsavklaringspenger',
  'uforetrygd',
  'overgangsstonad',
  'barnetrygd',
  'kontantstotte',
  'wages',
] as const;
export type OtherBenefitKind = (typeof OTHER_BENEFIT_KINDS)[number];
export type OtherBenefit = { kind: OtherBenefitKind; monthlyAmount: number; earnedBeforeProgramme?: boolean };

export type BenefitInput = {
  /** The payment period, normally one calendar month (paid in arrears). */
  period: ClosedPeriod;
  /** Days the person was in the programme with benefit (outside: before start, after end, leave without benefit, stop). */
  participation: readonly ClosedPeriod[];
  profile: RateProfile;
  unexcused?: readonly UnexcusedAbsence[];
  otherBenefits?: readonly OtherBenefit[];
  /** An overpayment to recover from this payment (the ledger decides how much). */
  recover?: number;
  gTable?: readonly RateEntry[];
};

export type BenefitLine = { code: string; text: string; amount: number };

export type BenefitResult = {
  lines: BenefitLine[];
  gross: number;
  absenceDeduction: number;
  coordinationDeduction: number;
  recovered: number;
  net: number;
  /** A deduction of ≥ 50 % of the payment and ≥ G/12 needs an individual decision before payment. */
  decisionRequired: boolean;
};

const kr = (ore: number) => (ore / 100).toLocaleString('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const frac = (f: Fraction) => (f.num === f.den ? '1' : `${f.num}/${f.den}`);

function clip(p: ClosedPeriod, within: ClosedPeriod): ClosedPeriod | null {
  const from = compareDates(p.from, within.from) > 0 ? p.from : within.from;
  const to = compareDates(p.to, within.to) < 0 ? p.to : within.to;
  return compareDates(from, to) <= 0 ? { from, to } : null;
}

/** The 25th birthday when it falls inside the period (the rate changes that day). */
function birthdayWithin(birthDate: IsoDate, p: ClosedPeriod): IsoDate | null {
  const b = parseIsoDate(birthDate)!;
  const y25 = b.y + 25;
  const day = b.m === 2 && b.d === 29 && daysInMonth(y25, 2) === 28 ? `${y25}-03-01` : `${y25}-${String(b.m).padStart(2, '0')}-${String(b.d).padStart(2, '0')}`;
  return compareDates(day, p.from) > 0 && compareDates(day, p.to) <= 0 ? day : null;
}

/**
 * Computes one payment. The period is split wherever G, the rate or participation changes; each
 * piece is paid as the monthly amount × its calendar days / the days of its month (a full month
 * pays exactly the monthly amount, 1/12 of the annual). Then: unexcused absence at the hour unit
 * (1/1850 of the annual amount) or the day unit (1/30 of the monthly), coordination with other
 * benefits (integreringsloven § 22; barnetrygd and kontantstøtte are never deducted; overgangsstønad
 * reduces the annual benefit by 40 % of what exceeds ½ G), and recovery of an overpayment.
 */
export function calculateBenefit(input: BenefitInput): BenefitResult {
  const table = input.gTable ?? G_TABLE;
  const lines: BenefitLine[] = [];
  const cuts = new Set<IsoDate>([input.period.from, ...gChangesWithin(input.period.from, input.period.to, table)]);
  const birthday = birthdayWithin(input.profile.birthDate, input.period);
  if (birthday) cuts.add(birthday);
  const pieces = input.participation.map((p) => clip(p, input.period)).filter((p): p is ClosedPeriod => p !== null);
  for (const p of pieces) {
    cuts.add(p.from);
    if (compareDates(p.to, input.period.to) < 0) cuts.add(addDays(p.to, 1));
  }
  const starts = [...cuts].sort();
  let gross = 0;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const to = i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : input.period.to;
    if (compareDates(from, to) > 0) continue;
    const inProgramme = pieces.some((p) => compareDates(p.from, from) <= 0 && compareDates(p.to, to) >= 0);
    if (!inProgramme) continue;
    const g = gOn(from, table);
    const { factor, reasons } = rateFactor(input.profile, from);
    const annual = annualAmount(g.value, factor);
    const monthly = annual / 12;
    const ym = parseIsoDate(from)!;
    const dim = daysInMonth(ym.y, ym.m);
    const days = daysBetween(from, to) + 1;
    const amount = Math.round((monthly * days) / dim);
    gross += amount;
    lines.push({
      code: 'benefit',
      text: `${from} – ${to}: 2G × ${frac(factor)} = ${kr(annual)} kr a year (G ${g.value.toLocaleString('nb-NO')} from ${g.from}; ${reasons.join('; ')}); ${days}/${dim} of a month of ${kr(Math.round(monthly))} kr`,
      amount,
    });
  }

  // Unexcused absence: proportional reduction (integreringsloven § 21).
  let absenceDeduction = 0;
  for (const a of input.unexcused ?? []) {
    if (compareDates(a.date, input.period.from) < 0 || compareDates(a.date, input.period.to) > 0) continue;
    const g = gOn(a.date, table);
    const annual = annualAmount(g.value, rateFactor(input.profile, a.date).factor);
    const unit = a.unit === 'hour' ? annual / 1850 : annual / 12 / 30;
    const amount = Math.round(unit * a.quantity);
    absenceDeduction += amount;
    lines.push({
      code: `absence_${a.unit}`,
      text: `Unexcused absence ${a.date}: ${a.quantity} ${a.unit === 'hour' ? 'hour(s) × 1/1850' : 'day(s) × 1/30 of the monthly amount'} of ${kr(annual)} kr = ${kr(amount)} kr`,
      amount: -amount,
    });
  }
  absenceDeduction = Math.min(absenceDeduction, gross);

  // Coordination with other benefits (integreringsloven § 22, § 23).
  let coordinationDeduction = 0;
  const gStart = gOn(input.period.from, table).value;
  for (const b of input.otherBenefits ?? []) {
    let amount = 0;
    let why: string;
    switch (b.kind) {
      case 'barnetrygd':
      case 'kontantstotte':
        why = 'never deducted (integreringsloven § 22)';
        break;
      case 'dagpenger':
      case 'sykepenger':
      case 'foreldrepenger':
        if (b.earnedBeforeProgramme) {
          amount = b.monthlyAmount;
          why = 'earned before the programme: deducted (integreringsloven § 22)';
        } else {
          why = 'not earned before the programme: not deducted';
        }
        break;
      case 'arbeidsavklaringspenger':
      case 'uforetrygd':
        amount = b.monthlyAmount;
        why = 'deducted (integreringsloven § 22)';
        break;
      case 'wages':
        amount = b.monthlyAmount;
        why = 'pay for work in the programme: deducted (integreringsloven § 23)';
        break;
      case 'overgangsstonad': {
        const yearly = b.monthlyAmount * 12;
        const over = Math.max(0, yearly - gStart * 100 * 0.5);
        amount = Math.round((over * 0.4) / 12);
        why = `40 % of the part of ${kr(yearly)} kr a year above ½ G (${kr(gStart * 50)} kr), per month`;
        break;
      }
    }
    coordinationDeduction += amount;
    lines.push({ code: `coordination_${b.kind}`, text: `${b.kind} ${kr(b.monthlyAmount)} kr a month: ${why}`, amount: -amount });
  }
  coordinationDeduction = Math.min(coordinationDeduction, gross - absenceDeduction);

  const beforeRecovery = gross - absenceDeduction - coordinationDeduction;
  const recovered = Math.max(0, Math.min(input.recover ?? 0, beforeRecovery));
  if (recovered > 0) lines.push({ code: 'recovery', text: `Recovery of an earlier overpayment (integreringsloven § 25)`, amount: -recovered });
  const net = beforeRecovery - recovered;
  const threshold = Math.round((gStart * 100) / 12);
  const decisionRequired = absenceDeduction > 0 && absenceDeduction * 2 >= gross && absenceDeduction >= threshold;
  if (decisionRequired) {
    lines.push({ code: 'decision_required', text: `The deduction (${kr(absenceDeduction)} kr) is at least half the payment and at least G/12 (${kr(threshold)} kr): an individual decision (enkeltvedtak) is required`, amount: 0 });
  }
  return { lines, gross, absenceDeduction, coordinationDeduction, recovered, net, decisionRequired };
}
