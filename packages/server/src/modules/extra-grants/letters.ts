import type { ExtraGrantApplicationView, ExtraGrantCaseView } from '@eidor/contract';
import { EXTRA_GRANT_BASIS, EXTRA_GRANT_CHECKLIST, type ExtraGrantChecklistKey } from '@eidor/domain';
import { PDF_FONT, PDF_FONT_BOLD, registerPdfFonts } from '../../platform/pdf-fonts.ts';

/**
 * The extra-grant application as one PDF (the checklist's answers, the units' documentation and the
 * cost overview) to attach in IMDi Tilskudd, and the report of actual costs after the grant year.
 * Bokmål or nynorsk. React-PDF is loaded on first use only.
 */
export type PdfLang = 'nb' | 'nn';
export type PdfDocument = 'application' | 'cost_report';
export type PdfData = { municipality: string; unit: string; today: string; kase: ExtraGrantCaseView; application: ExtraGrantApplicationView };

const T = {
  nb: {
    titles: { application: 'Søknad om tilskudd ved bosetting av personer med nedsatt funksjonsevne og/eller atferdsvansker', cost_report: 'Rapport om faktiske kostnader – ekstratilskudd' },
    date: 'Dato',
    person: 'Person',
    born: 'født',
    firstSettlement: 'Første bosettingsdato i Norge',
    grant: 'Tilskudd',
    grantYear: 'Tilskuddsår',
    deadline: 'Søknadsfrist',
    postponed: 'utsatt til',
    consent: 'Informert samtykke',
    consentBy: { person: 'personen selv', guardian: 'verge/foresatt' },
    checklist: 'Kartlegging',
    documentation: 'Dokumentasjon fra tjenestene',
    notAnswered: 'Ikke besvart ennå',
    informant: 'Opplysninger gitt av',
    costs: 'Kostnadsoversikt',
    unit: 'Enhet',
    description: 'Tiltak',
    estimate: 'Stipulert',
    actual: 'Faktisk',
    total: 'Sum',
    cap: 'Maksimalt tilskudd',
    capUnknown: 'ikke kjent for året',
    unverified: 'ikke verifisert',
    applied: 'Omsøkt beløp',
    granted: 'Innvilget',
    distribution: 'Fordeling av tilskuddet på enhetene (etter kostnader)',
    share: 'Andel',
    basis: 'Ordning',
    status: 'Status',
    kind: { tilskudd1: 'Tilskudd 1 (engangstilskudd)', tilskudd2: 'Tilskudd 2 (årlig tilskudd)' },
    labels: {
      background: 'Bakgrunn (hjemland, flukt, opplevelser, skolebakgrunn, situasjonen på mottak)',
      livingSituation: 'Bosituasjon og fritid/daglige gjøremål',
      challenges: 'Utfordringer og hvordan de kommer til uttrykk',
      onset: 'Når tilstanden oppstod, og når og hvordan man ble klar over den',
      needsAndFollowUp: 'Særlige hjelpebehov og oppfølging i dag',
      generalPractitioner: 'Fastlege',
      network: 'Nettverk',
      prognosis: 'Forventet prognose og hvordan tiltak virker',
      suggestedServices: 'Forslag til tjenester',
      informant: 'Navn og stilling på den som har gitt opplysningene',
    } satisfies Record<ExtraGrantChecklistKey, string>,
  },
  nn: {
    titles: { application: 'Søknad om tilskot ved busetjing av personar med nedsett funksjonsevne og/eller åtferdsvanskar', cost_report: 'Rapport om faktiske kostnader – ekstratilskot' },
    date: 'Dato',
    person: 'Person',
    born: 'fødd',
    firstSettlement: 'Første busetjingsdato i Noreg',
    grant: 'Tilskot',
    grantYear: 'Tilskotsår',
    deadline: 'Søknadsfrist',
    postponed: 'utsett til',
    consent: 'Informert samtykke',
    consentBy: { person: 'personen sjølv', guardian: 'verje/føresett' },
    checklist: 'Kartlegging',
    documentation: 'Dokumentasjon frå tenestene',
    notAnswered: 'Ikkje svart enno',
    informant: 'Opplysningar gitt av',
    costs: 'Kostnadsoversikt',
    unit: 'Eining',
    description: 'Tiltak',
    estimate: 'Stipulert',
    actual: 'Faktisk',
    total: 'Sum',
    cap: 'Maksimalt tilskot',
    capUnknown: 'ikkje kjent for året',
    unverified: 'ikkje verifisert',
    applied: 'Søkt beløp',
    granted: 'Innvilga',
    distribution: 'Fordeling av tilskotet på einingane (etter kostnader)',
    share: 'Del',
    basis: 'Ordning',
    status: 'Status',
    kind: { tilskudd1: 'Tilskot 1 (eingongstilskot)', tilskudd2: 'Tilskot 2 (årleg tilskot)' },
    labels: {
      background: 'Bakgrunn (heimland, flukt, opplevingar, skulebakgrunn, situasjonen på mottak)',
      livingSituation: 'Busituasjon og fritid/daglege gjeremål',
      challenges: 'Utfordringar og korleis dei kjem til uttrykk',
      onset: 'Når tilstanden oppstod, og når og korleis ein vart merksam på han',
      needsAndFollowUp: 'Særlege hjelpebehov og oppfølging i dag',
      generalPractitioner: 'Fastlege',
      network: 'Nettverk',
      prognosis: 'Forventa prognose og korleis tiltak verkar',
      suggestedServices: 'Forslag til tenester',
      informant: 'Namn og stilling på den som har gitt opplysningane',
    } satisfies Record<ExtraGrantChecklistKey, string>,
  },
} as const;

const kr = (ore: number | null) => (ore === null ? '–' : `${(ore / 100).toLocaleString('nb-NO', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} kr`);

export async function renderExtraGrantPdf(doc: PdfDocument, lang: PdfLang, d: PdfData): Promise<Buffer> {
  const [{ default: React }, pdf] = await Promise.all([import('react'), import('@react-pdf/renderer')]);
  const { Document, Page, Text, View, StyleSheet, renderToBuffer, Font } = pdf;
  registerPdfFonts(Font);
  const h = React.createElement;
  const t = T[lang];
  const a = d.application;
  const s = StyleSheet.create({
    page: { padding: 44, fontSize: 10, fontFamily: PDF_FONT, lineHeight: 1.4 },
    title: { fontSize: 14, marginBottom: 10, fontFamily: PDF_FONT_BOLD },
    h2: { fontSize: 11, marginTop: 12, marginBottom: 4, fontFamily: PDF_FONT_BOLD },
    h3: { marginTop: 6, fontFamily: PDF_FONT_BOLD },
    row: { flexDirection: 'row' },
    label: { width: 170, fontFamily: PDF_FONT_BOLD },
    cell: { flex: 1 },
    num: { width: 90, textAlign: 'right' },
    small: { fontSize: 8, color: '#444' },
  });
  const field = (label: string, value: string | number | null | undefined) => h(View, { style: s.row, key: label }, h(Text, { style: s.label }, label), h(Text, { style: s.cell }, value === null || value === undefined || value === '' ? '–' : String(value)));
  const costRow = (key: string, cells: string[], bold = false) =>
    h(View, { style: s.row, key }, h(Text, { style: { ...s.cell, ...(bold ? { fontFamily: PDF_FONT_BOLD } : {}) } }, cells[0]), h(Text, { style: { ...s.cell } }, cells[1]), h(Text, { style: s.num }, cells[2]), h(Text, { style: s.num }, cells[3]));
  const lines = d.kase.costLines.filter((l) => l.grantYear === a.grantYear);
  const body: React.ReactNode[] = [
    field(t.person, `${d.kase.person.name}, ${t.born} ${d.kase.person.birthDate}`),
    field(t.firstSettlement, d.kase.person.firstSettlementDate),
    field(t.grant, `${t.kind[a.kind]} (${a.code})`),
    field(t.grantYear, `${a.grantYear} (${a.calendarYear})`),
    field(t.deadline, a.postponement?.status === 'granted' ? `${a.deadline}, ${t.postponed} ${a.postponement.until}` : a.deadline),
  ];
  if (doc === 'application') {
    const consent = d.kase.consents.filter((c) => c.withdrawnDate === null).at(-1);
    body.push(field(t.consent, consent ? `${consent.consentDate}, ${t.consentBy[consent.signedBy]} (${consent.signerName})` : null));
    body.push(h(Text, { style: s.h2, key: 'cl' }, t.checklist));
    for (const k of EXTRA_GRANT_CHECKLIST) {
      body.push(h(Text, { style: s.h3, key: `h-${k}` }, t.labels[k]), h(Text, { key: `v-${k}` }, d.kase.checklist[k] || '–'));
    }
    body.push(h(Text, { style: s.h2, key: 'doc' }, t.documentation));
    for (const r of d.kase.requests) {
      body.push(h(Text, { style: s.h3, key: `rh-${r.id}` }, `${r.unitName}`));
      body.push(h(Text, { key: `ra-${r.id}` }, r.answer ?? t.notAnswered));
      if (r.informant) body.push(h(Text, { key: `ri-${r.id}`, style: s.small }, `${t.informant}: ${r.informant}`));
    }
  }
  body.push(h(Text, { style: s.h2, key: 'costs' }, t.costs));
  body.push(costRow('ch', [t.unit, t.description, t.estimate, t.actual], true));
  for (const l of lines) body.push(costRow(l.id, [l.unitName, l.description, kr(l.estimate), kr(l.actual)]));
  body.push(costRow('ct', [t.total, '', kr(a.totalEstimate), kr(a.totalActual)], true));
  body.push(field(t.cap, a.cap ? `${kr(a.cap.amount)}${a.cap.status === 'verified' ? '' : ` (${t.unverified})`}` : t.capUnknown));
  body.push(field(t.applied, kr(a.appliedAmount)));
  if (a.grantedAmount !== null) {
    body.push(field(t.granted, kr(a.grantedAmount)));
    body.push(h(Text, { style: s.h2, key: 'dist' }, t.distribution));
    body.push(costRow('dh', [t.unit, '', t.share, t.actual], true));
    for (const x of a.distribution) body.push(costRow(`d-${x.unitId}`, [x.unitName, '', kr(x.share), kr(x.actual)]));
  }
  const document = h(
    Document,
    { title: t.titles[doc], author: d.municipality, language: lang === 'nb' ? 'nb-NO' : 'nn-NO' },
    h(
      Page,
      { size: 'A4', style: s.page },
      h(Text, null, `${d.municipality} – ${d.unit}`),
      h(Text, { style: { marginBottom: 12 } }, `${t.date}: ${d.today}`),
      h(Text, { style: s.title }, t.titles[doc]),
      ...body,
      h(Text, { style: s.h2 }, t.basis),
      h(Text, null, EXTRA_GRANT_BASIS),
    ),
  );
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}
