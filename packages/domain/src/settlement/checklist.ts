import { addDays, addMonths, ageOn, type IsoDate } from '../calendar/date.ts';
import type { UnitKind } from '../access/model.ts';

/** Who a checklist task is for: the household once, or each member who meets the condition. */
export const TASK_SCOPES = ['household', 'person'] as const;
export type TaskScope = (typeof TASK_SCOPES)[number];

/** Which members a person-scoped task applies to (ages at the settlement date). */
export const TASK_CONDITIONS = [
  'all',
  'adults', // 18 and over
  'programme_age', // 18–55: the introduction programme's target group (rules.md § 1.1)
  'minors', // under 18
  'school_age', // 6–15: primary and lower secondary school
  'preschool_age', // 1–5: kindergarten
  'resettlement', // quota refugees (overføringsflyktninger)
] as const;
export type TaskCondition = (typeof TASK_CONDITIONS)[number];

/** One line of a municipality's checklist template. Titles are the municipality's own text. */
export type ChecklistItem = {
  key: string;
  title: string;
  description: string;
  ownerUnitKind: UnitKind;
  scope: TaskScope;
  condition: TaskCondition;
  /** Due this long after the settlement date (months first, then days). */
  dueOffsetMonths: number;
  dueOffsetDays: number;
};

/**
 * The default first-weeks checklist (the seeds' README: Vestvågøy's settlement team; rules.md § 1.2
 * for the programme start and § 5 for settlement). Each municipality edits its own copy.
 */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  {
    key: 'settlement_conversation',
    title: 'Bosettingssamtale',
    description:
      'Rettigheter og plikter. Å bo i et norsk hus: oppvarming, brannsikkerhet, avfall og kildesortering, lufting, ro i nattetimene. Bruk tolk.',
    ownerUnitKind: 'refugee_service',
    scope: 'household',
    condition: 'all',
    dueOffsetMonths: 0,
    dueOffsetDays: 3,
  },
  { key: 'lease_signed', title: 'Husleiekontrakt signert', description: 'Kontrakten gjennomgått med tolk og signert.', ownerUnitKind: 'refugee_service', scope: 'household', condition: 'all', dueOffsetMonths: 0, dueOffsetDays: 0 },
  { key: 'moving_notice', title: 'Flyttemelding til Folkeregisteret', description: 'Meldes innen 8 dager etter flytting.', ownerUnitKind: 'refugee_service', scope: 'household', condition: 'all', dueOffsetMonths: 0, dueOffsetDays: 8 },
  { key: 'national_id', title: 'Fødselsnummer', description: 'Fødselsnummer tildelt (eller D-nummer erstattet).', ownerUnitKind: 'refugee_service', scope: 'person', condition: 'all', dueOffsetMonths: 0, dueOffsetDays: 21 },
  { key: 'bank_account', title: 'Bankkonto', description: 'Konto opprettet, BankID bestilt.', ownerUnitKind: 'refugee_service', scope: 'person', condition: 'adults', dueOffsetMonths: 0, dueOffsetDays: 21 },
  { key: 'tax_card', title: 'Skattekort', description: 'Skattekort bestilt hos Skatteetaten.', ownerUnitKind: 'refugee_service', scope: 'person', condition: 'adults', dueOffsetMonths: 0, dueOffsetDays: 21 },
  { key: 'housing_allowance', title: 'Søknad om bostøtte', description: 'Søknad til Husbanken sendt.', ownerUnitKind: 'refugee_service', scope: 'household', condition: 'all', dueOffsetMonths: 0, dueOffsetDays: 30 },
  { key: 'start_payment', title: 'Etableringsstønad og klesstøtte', description: 'Startutbetaling til livsopphold, innbo og klær.', ownerUnitKind: 'nav', scope: 'household', condition: 'all', dueOffsetMonths: 0, dueOffsetDays: 3 },
  { key: 'gp', title: 'Første legetime og fastlege', description: 'Fastlege tildelt og første time bestilt.', ownerUnitKind: 'health', scope: 'person', condition: 'all', dueOffsetMonths: 0, dueOffsetDays: 30 },
  { key: 'tb_screening', title: 'Tuberkuloseundersøkelse', description: 'Innen 14 dager etter ankomst for overføringsflyktninger.', ownerUnitKind: 'health', scope: 'person', condition: 'resettlement', dueOffsetMonths: 0, dueOffsetDays: 14 },
  { key: 'health_assessment', title: 'Helsevurdering', description: 'Helsevurdering innen 3 måneder etter ankomst.', ownerUnitKind: 'health', scope: 'person', condition: 'all', dueOffsetMonths: 3, dueOffsetDays: 0 },
  { key: 'school_enrolment', title: 'Skoleplass', description: 'Innskrevet i skole (innføringstilbud der det passer).', ownerUnitKind: 'school', scope: 'person', condition: 'school_age', dueOffsetMonths: 0, dueOffsetDays: 14 },
  { key: 'kindergarten', title: 'Barnehageplass', description: 'Søknad om barnehageplass.', ownerUnitKind: 'kindergarten', scope: 'person', condition: 'preschool_age', dueOffsetMonths: 0, dueOffsetDays: 30 },
  { key: 'skills_mapping', title: 'Kompetansekartlegging', description: 'Kartlegging av utdanning og arbeidserfaring før vedtak om program.', ownerUnitKind: 'adult_education', scope: 'person', condition: 'programme_age', dueOffsetMonths: 0, dueOffsetDays: 60 },
  { key: 'programme_start', title: 'Oppstart introduksjonsprogram', description: 'Vedtak og oppstart innen 3 måneder etter bosetting.', ownerUnitKind: 'refugee_service', scope: 'person', condition: 'programme_age', dueOffsetMonths: 3, dueOffsetDays: 0 },
];

export type ChecklistMember = { personId: string; birthDate: IsoDate; arrivalCategory: string | null; settlementDate: IsoDate | null };

export function meetsCondition(c: TaskCondition, m: ChecklistMember, on: IsoDate): boolean {
  const age = ageOn(m.birthDate, on);
  switch (c) {
    case 'all':
      return true;
    case 'adults':
      return age >= 18;
    case 'programme_age':
      return age >= 18 && age <= 55;
    case 'minors':
      return age < 18;
    case 'school_age':
      return age >= 6 && age <= 15;
    case 'preschool_age':
      return age >= 1 && age <= 5;
    case 'resettlement':
      return m.arrivalCategory === 'resettlement';
  }
}

export type PlannedTask = { itemKey: string; personId: string | null; dueDate: IsoDate; ownerUnitKind: UnitKind };

export function dueFrom(settlementDate: IsoDate, item: Pick<ChecklistItem, 'dueOffsetMonths' | 'dueOffsetDays'>): IsoDate {
  return addDays(addMonths(settlementDate, item.dueOffsetMonths), item.dueOffsetDays);
}

/**
 * The tasks that settling a household creates: household-scoped items once (from the first
 * settlement date), person-scoped items for each member who meets the condition (from that
 * member's own settlement date, which may differ within a family).
 */
export function plannedTasks(items: readonly ChecklistItem[], members: readonly ChecklistMember[]): PlannedTask[] {
  const settled = members.filter((m) => m.settlementDate !== null);
  if (settled.length === 0) return [];
  const first = settled.map((m) => m.settlementDate!).sort()[0]!;
  const out: PlannedTask[] = [];
  for (const item of items) {
    if (item.scope === 'household') {
      if (item.condition === 'all' || settled.some((m) => meetsCondition(item.condition, m, m.settlementDate!))) {
        out.push({ itemKey: item.key, personId: null, dueDate: dueFrom(first, item), ownerUnitKind: item.ownerUnitKind });
      }
      continue;
    }
    for (const m of settled) {
      if (meetsCondition(item.condition, m, m.settlementDate!)) {
        out.push({ itemKey: item.key, personId: m.personId, dueDate: dueFrom(m.settlementDate!, item), ownerUnitKind: item.ownerUnitKind });
      }
    }
  }
  return out;
}
