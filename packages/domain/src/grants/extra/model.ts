import type { UnitKind } from '../../access/model.ts';

/**
 * Extra grants for persons with disabilities or behavioural problems ("ekstratilskudd", rules.md § 4.3,
 * § 10.4): tilskudd 1 (one-off, IMDi code FHT1) and tilskudd 2 (annual, FHT2).
 */
export const EXTRA_GRANT_KINDS = ['tilskudd1', 'tilskudd2'] as const;
export type ExtraGrantKind = (typeof EXTRA_GRANT_KINDS)[number];

/** IMDi Tilskudd's grant code of each kind (rules.md § 10.4, verified). */
export const EXTRA_GRANT_CODE: Record<ExtraGrantKind, 'FHT1' | 'FHT2'> = { tilskudd1: 'FHT1', tilskudd2: 'FHT2' };

/** An application's life: draft → submitted → granted / partly granted / rejected → appealed. */
export const EXTRA_GRANT_STATUSES = ['draft', 'submitted', 'granted', 'partly_granted', 'rejected', 'appealed'] as const;
export type ExtraGrantStatus = (typeof EXTRA_GRANT_STATUSES)[number];

/** The coordinator's checklist (Kristiansand, seed 000): what is collected for every application. */
export const EXTRA_GRANT_CHECKLIST = [
  'background', // bakgrunn: hjemland, flukt, opplevelser, skolebakgrunn, situasjonen på mottak
  'livingSituation', // bosituasjon og fritid/daglige gjøremål
  'challenges', // utfordringer og hvordan de kommer til uttrykk
  'onset', // når tilstanden oppstod, når og hvordan man ble klar over den
  'needsAndFollowUp', // særlige hjelpebehov og oppfølging i dag (lege, psykolog, barnevern …)
  'generalPractitioner', // hvem er fastlege
  'network', // nettverk: venner, familie, andre med innflytelse
  'prognosis', // forventet prognose, fremgang, hvordan tiltak virker
  'suggestedServices', // forslag til tjenester (også tiltak kommunen ikke har i dag)
  'informant', // navn og stilling på den som har gitt opplysningene
] as const;
export type ExtraGrantChecklistKey = (typeof EXTRA_GRANT_CHECKLIST)[number];
export type ExtraGrantChecklist = Partial<Record<ExtraGrantChecklistKey, string>>;

/** Kinds of unit a documentation or cost request can go to (home services are `health` or `other`). */
export const EXTRA_GRANT_REQUEST_UNIT_KINDS: readonly UnitKind[] = ['health', 'ppt', 'school', 'kindergarten', 'child_welfare', 'nav', 'adult_education', 'housing', 'other', 'refugee_service'];

/** What a request asks for. */
export const EXTRA_GRANT_REQUEST_KINDS = ['documentation', 'costs', 'documentation_and_costs'] as const;
export type ExtraGrantRequestKind = (typeof EXTRA_GRANT_REQUEST_KINDS)[number];

/** Who signed an informed consent (IMDi's template: the person, or the guardian of a minor). */
export const CONSENT_SIGNERS = ['person', 'guardian'] as const;
export type ConsentSigner = (typeof CONSENT_SIGNERS)[number];

/** The legal basis named on deadlines and on the application. */
export const EXTRA_GRANT_BASIS = 'IMDi: tilskudd ved bosetting av personer med nedsatt funksjonsevne og/eller atferdsvansker (FHT1/FHT2)';

/** A problem with a field: the path the screen shows it on and the reason in English. */
export type ExtraGrantProblem = { field: string; message: string };
