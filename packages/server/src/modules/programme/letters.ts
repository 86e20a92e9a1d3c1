import { COMPLAINT_INFO, regimeOf, type BenefitResult } from '@eidor/domain';
import { PDF_FONT, PDF_FONT_BOLD, registerPdfFonts } from '../../platform/pdf-fonts.ts';

/**
 * Decision letters and the participant certificate as PDF, in bokmål or nynorsk. Each decision names
 * its legal basis and carries the complaint information (forvaltningsloven §§ 27–29). React-PDF is
 * loaded on first use only, so it never slows the server's start.
 */
export type LetterLang = 'nb' | 'nn';
export type LetterKind = 'programme_decision' | 'integration_plan' | 'deduction' | 'suspension' | 'ending' | 'participant_certificate';

export type LetterData = {
  municipality: string;
  unit: string;
  today: string;
  person: { name: string; birthDate: string; permitType: string | null; permitDate: string | null };
  programme: {
    decisionDate: string | null;
    startDate: string | null;
    plannedEnd: string | null;
    plannedMonths: number | null;
    extensionMonths: number;
    extensionReason: string | null;
    endGoal: string | null;
    weeklyHours: number | null;
    elements: Record<string, boolean>;
    status: string;
    endDate: string | null;
    endReason: string | null;
    mainActivity: string | null;
  };
  plan?: { planNo: number; goals: string[]; norwegianGoal: string | null; measures: { type: string; description: string; from: string; to: string; hoursPerWeek: number }[]; decisionDate: string | null } | null;
  benefit?: (BenefitResult & { month: string }) | null;
  presentHours?: number;
};

const T = {
  nb: {
    to: 'Til',
    born: 'født',
    date: 'Dato',
    basis: 'Hjemmel',
    complaint: 'Klageadgang',
    titles: {
      programme_decision: 'Vedtak om introduksjonsprogram',
      integration_plan: 'Integreringsplan',
      deduction: 'Vedtak om trekk i introduksjonsstønad',
      suspension: 'Vedtak om stans i introduksjonsprogram',
      ending: 'Avslutning av introduksjonsprogram',
      participant_certificate: 'Deltakerbevis',
    },
    decided: (d: string) => `Kommunen har ${d} fattet vedtak om at du skal delta i introduksjonsprogram.`,
    start: 'Oppstart',
    plannedEnd: 'Planlagt slutt',
    length: 'Varighet',
    months: 'måneder',
    extension: 'Forlengelse',
    endGoal: 'Sluttmål',
    hours: 'Timer per uke',
    elements: 'Obligatoriske elementer',
    goals: 'Mål',
    norwegianGoal: 'Norskmål',
    measures: 'Tiltak',
    version: 'versjon',
    month: 'Måned',
    gross: 'Stønad før trekk',
    deduction: 'Trekk for ugyldig fravær',
    net: 'Til utbetaling',
    suspended: 'Programmet og stønaden stanses fra dags dato på grunn av ugyldig fravær.',
    ended: 'Introduksjonsprogrammet er avsluttet.',
    endDate: 'Sluttdato',
    endReason: 'Avslutningsårsak',
    mainActivity: 'Hovedaktivitet',
    certificate: (n: string) => `Det bekreftes at ${n} har deltatt i introduksjonsprogram.`,
    period: 'Periode',
    completedHours: 'Registrerte timer til stede',
    completedElements: 'Gjennomførte elementer',
    signature: 'Med hilsen',
  },
  nn: {
    to: 'Til',
    born: 'fødd',
    date: 'Dato',
    basis: 'Heimel',
    complaint: 'Klagerett',
    titles: {
      programme_decision: 'Vedtak om introduksjonsprogram',
      integration_plan: 'Integreringsplan',
      deduction: 'Vedtak om trekk i introduksjonsstønad',
      suspension: 'Vedtak om stans i introduksjonsprogram',
      ending: 'Avslutning av introduksjonsprogram',
      participant_certificate: 'Deltakarbevis',
    },
    decided: (d: string) => `Kommunen har ${d} gjort vedtak om at du skal delta i introduksjonsprogram.`,
    start: 'Oppstart',
    plannedEnd: 'Planlagd slutt',
    length: 'Varigheit',
    months: 'månader',
    extension: 'Forlenging',
    endGoal: 'Sluttmål',
    hours: 'Timar per veke',
    elements: 'Obligatoriske element',
    goals: 'Mål',
    norwegianGoal: 'Norskmål',
    measures: 'Tiltak',
    version: 'versjon',
    month: 'Månad',
    gross: 'Stønad før trekk',
    deduction: 'Trekk for ugyldig fråvær',
    net: 'Til utbetaling',
    suspended: 'Programmet og stønaden blir stansa frå dags dato på grunn av ugyldig fråvær.',
    ended: 'Introduksjonsprogrammet er avslutta.',
    endDate: 'Sluttdato',
    endReason: 'Avslutningsårsak',
    mainActivity: 'Hovudaktivitet',
    certificate: (n: string) => `Det blir stadfesta at ${n} har delteke i introduksjonsprogram.`,
    period: 'Periode',
    completedHours: 'Registrerte timar til stades',
    completedElements: 'Gjennomførte element',
    signature: 'Med helsing',
  },
} as const;

const ELEMENT_NAMES: Record<LetterLang, Record<string, string>> = {
  nb: { norwegian: 'Norskopplæring', social_studies: 'Samfunnskunnskap', life_skills: 'Livsmestring', parenting_course: 'Foreldreveiledning', work_or_education: 'Arbeids- eller utdanningsrettet element' },
  nn: { norwegian: 'Norskopplæring', social_studies: 'Samfunnskunnskap', life_skills: 'Livsmeistring', parenting_course: 'Foreldrerettleiing', work_or_education: 'Arbeids- eller utdanningsretta element' },
};

/** The legal basis of each letter, by the participant's regime (rules.md §§ 1–2). */
export function legalBasis(kind: LetterKind, regime: 'introl' | 'integl' | '6a'): string {
  const law = regime === 'introl' ? 'introduksjonsloven' : 'integreringsloven';
  switch (kind) {
    case 'programme_decision':
      return regime === 'introl' ? 'introduksjonsloven §§ 3–5' : regime === '6a' ? 'integreringsloven §§ 12–14 og kapittel 6A' : 'integreringsloven §§ 12–14';
    case 'integration_plan':
      return regime === 'introl' ? 'introduksjonsloven § 6' : 'integreringsloven § 15';
    case 'deduction':
      return regime === 'introl' ? 'introduksjonsloven § 10' : 'integreringsloven § 21';
    case 'suspension':
      return regime === 'introl' ? 'introduksjonsloven § 7' : 'integreringsloven § 18';
    case 'ending':
    case 'participant_certificate':
      return regime === 'introl' ? 'introduksjonsloven § 4' : `${law} § 18 a`;
  }
}

const kr = (ore: number) => `${(ore / 100).toLocaleString('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr`;

export async function renderLetter(kind: LetterKind, lang: LetterLang, d: LetterData): Promise<Buffer> {
  const [{ default: React }, pdf] = await Promise.all([import('react'), import('@react-pdf/renderer')]);
  const { Document, Page, Text, View, StyleSheet, renderToBuffer, Font } = pdf;
  registerPdfFonts(Font);
  const h = React.createElement;
  const t = T[lang];
  const regime = regimeOf(d.person.permitType, d.person.permitDate) ?? 'integl';
  const s = StyleSheet.create({
    page: { padding: 48, fontSize: 11, fontFamily: PDF_FONT, lineHeight: 1.4 },
    head: { marginBottom: 24 },
    title: { fontSize: 16, marginBottom: 12, fontFamily: PDF_FONT_BOLD },
    h2: { fontSize: 12, marginTop: 12, marginBottom: 4, fontFamily: PDF_FONT_BOLD },
    row: { flexDirection: 'row' },
    label: { width: 170, fontFamily: PDF_FONT_BOLD },
    small: { fontSize: 9, color: '#444' },
  });
  const field = (label: string, value: string | number | null | undefined) => h(View, { style: s.row, key: label }, h(Text, { style: s.label }, label), h(Text, null, value === null || value === undefined ? '–' : String(value)));
  const p = d.programme;
  const body: React.ReactNode[] = [];
  switch (kind) {
    case 'programme_decision':
      body.push(
        h(Text, { key: 'intro' }, t.decided(p.decisionDate ?? d.today)),
        field(t.start, p.startDate),
        field(t.length, p.plannedMonths ? `${p.plannedMonths} ${t.months}` : null),
        p.extensionMonths > 0 ? field(t.extension, `${p.extensionMonths} ${t.months}: ${p.extensionReason ?? ''}`) : null,
        field(t.plannedEnd, p.plannedEnd),
        field(t.endGoal, p.endGoal),
        field(t.hours, p.weeklyHours),
        h(Text, { style: s.h2, key: 'el' }, t.elements),
        ...Object.keys(ELEMENT_NAMES[lang]).map((k) => h(Text, { key: k }, `• ${ELEMENT_NAMES[lang][k]}`)),
      );
      break;
    case 'integration_plan':
      if (d.plan) {
        body.push(
          field(`${t.titles.integration_plan}, ${t.version}`, d.plan.planNo),
          field(t.date, d.plan.decisionDate),
          field(t.norwegianGoal, d.plan.norwegianGoal),
          h(Text, { style: s.h2, key: 'g' }, t.goals),
          ...d.plan.goals.map((g, i) => h(Text, { key: `g${i}` }, `• ${g}`)),
          h(Text, { style: s.h2, key: 'm' }, t.measures),
          ...d.plan.measures.map((m, i) => h(Text, { key: `m${i}` }, `• ${m.description} (${m.from} – ${m.to}, ${m.hoursPerWeek} ${lang === 'nb' ? 'timer/uke' : 'timar/veke'})`)),
        );
      }
      break;
    case 'deduction':
      if (d.benefit) {
        body.push(
          field(t.month, d.benefit.month),
          field(t.gross, kr(d.benefit.gross)),
          field(t.deduction, kr(d.benefit.absenceDeduction)),
          field(t.net, kr(d.benefit.net)),
          h(Text, { style: s.h2, key: 'calc' }, lang === 'nb' ? 'Beregning' : 'Utrekning'),
          ...d.benefit.lines.map((l, i) => h(Text, { key: `l${i}`, style: s.small }, `${l.text}${l.amount ? ` (${kr(l.amount)})` : ''}`)),
        );
      }
      break;
    case 'suspension':
      body.push(h(Text, { key: 's' }, t.suspended), field(t.start, p.startDate));
      break;
    case 'ending':
      body.push(h(Text, { key: 'e' }, t.ended), field(t.endDate, p.endDate), field(t.endReason, p.endReason), field(t.mainActivity, p.mainActivity));
      break;
    case 'participant_certificate':
      body.push(
        h(Text, { key: 'c' }, t.certificate(d.person.name)),
        field(t.period, `${p.startDate ?? '–'} – ${p.endDate ?? p.plannedEnd ?? '–'}`),
        field(t.endGoal, p.endGoal),
        field(t.completedHours, d.presentHours ?? 0),
        p.endReason ? field(t.endReason, p.endReason) : null,
        h(Text, { style: s.h2, key: 'ce' }, t.completedElements),
        ...Object.keys(ELEMENT_NAMES[lang]).filter((k) => p.elements[k]).map((k) => h(Text, { key: k }, `• ${ELEMENT_NAMES[lang][k]}`)),
      );
      break;
  }
  const isDecision = kind !== 'participant_certificate' && !(kind === 'integration_plan' && !d.plan);
  const doc = h(
    Document,
    { title: t.titles[kind], author: d.municipality, language: lang === 'nb' ? 'nb-NO' : 'nn-NO' },
    h(
      Page,
      { size: 'A4', style: s.page },
      h(View, { style: s.head }, h(Text, null, `${d.municipality} – ${d.unit}`), h(Text, null, `${t.date}: ${d.today}`), h(Text, null, `${t.to}: ${d.person.name}, ${t.born} ${d.person.birthDate}`)),
      h(Text, { style: s.title }, t.titles[kind]),
      ...body.filter(Boolean),
      h(Text, { style: s.h2 }, t.basis),
      h(Text, null, legalBasis(kind, regime)),
      isDecision ? h(Text, { style: s.h2 }, t.complaint) : null,
      isDecision ? h(Text, null, COMPLAINT_INFO[lang]) : null,
      h(Text, { style: { marginTop: 24 } }, t.signature),
      h(Text, null, d.unit),
    ),
  );
  return renderToBuffer(doc as Parameters<typeof renderToBuffer>[0]);
}
