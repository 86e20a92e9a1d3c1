import type { z } from 'zod';
import type { ProgrammeFields, ProgrammeView } from '@eidor/contract';
import { COMPULSORY_ELEMENTS, type CompulsoryElement, type EndReason, type MainActivity, type ParticipantGroup } from '@eidor/domain';
import type { Status } from './labels.ts';
import { decimalInput, parseDecimal } from './money.ts';

export type DecisionFields = z.output<typeof ProgrammeFields>;

/** The programme decision as the form holds it: text in inputs, '' for "not given". */
export type DecisionFormValues = {
  requestDate: string;
  participantGroup: '' | ParticipantGroup;
  livesWithParents: boolean;
  coupleBothParticipantsNoChildren: boolean;
  hasChildrenOrExpecting: boolean;
  skillsMappingDate: string;
  careerGuidanceDate: string;
  decisionDate: string;
  startDate: string;
  endGoal: string;
  plannedMonths: string;
  extensionMonths: string;
  extensionReason: string;
  weeklyHours: string;
  hoursReason: string;
  elements: Record<CompulsoryElement, boolean>;
  status: Status;
  endDate: string;
  endReason: '' | EndReason;
  mainActivity: '' | MainActivity;
  followUpActivity: '' | MainActivity;
  followUpDate: string;
};

const s = (v: string | null) => v ?? '';
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
/** A whole number, or the text itself so that the schema names the field as not a number. */
const int = (v: string): number | string | null => (v.trim() === '' ? null : /^\d+$/.test(v.trim()) ? Number(v.trim()) : v);

export function decisionFormFrom(view: ProgrammeView, language: string): DecisionFormValues {
  const f = view.fields;
  return {
    requestDate: s(f.requestDate),
    participantGroup: f.participantGroup ?? '',
    livesWithParents: f.livesWithParents,
    coupleBothParticipantsNoChildren: f.coupleBothParticipantsNoChildren,
    hasChildrenOrExpecting: f.hasChildrenOrExpecting,
    skillsMappingDate: s(f.skillsMappingDate),
    careerGuidanceDate: s(f.careerGuidanceDate),
    decisionDate: s(f.decisionDate),
    startDate: s(f.startDate),
    endGoal: s(f.endGoal),
    plannedMonths: f.plannedMonths === null ? '' : String(f.plannedMonths),
    extensionMonths: String(f.extensionMonths),
    extensionReason: s(f.extensionReason),
    weeklyHours: decimalInput(f.weeklyHours, language),
    hoursReason: s(f.hoursReason),
    elements: Object.fromEntries(COMPULSORY_ELEMENTS.map((e) => [e, f.elements[e] === true])) as Record<CompulsoryElement, boolean>,
    status: f.status,
    endDate: s(f.endDate),
    endReason: f.endReason ?? '',
    mainActivity: f.mainActivity ?? '',
    followUpActivity: f.followUpActivity ?? '',
    followUpDate: s(f.followUpDate),
  };
}

/**
 * The request's fields from the form. Ending facts go only with an ended programme; the elements keep
 * what is stored for those not on this participant's list.
 */
export function decisionFieldsFrom(v: DecisionFormValues, stored: DecisionFields['elements']): Record<keyof DecisionFields, unknown> {
  const ended = v.status === 'ended';
  const weekly = v.weeklyHours.trim() === '' ? null : (parseDecimal(v.weeklyHours) ?? v.weeklyHours);
  const elements: Partial<Record<CompulsoryElement, boolean>> = { ...stored };
  for (const e of COMPULSORY_ELEMENTS) if (v.elements[e] || stored[e] !== undefined) elements[e] = v.elements[e];
  return {
    requestDate: orNull(v.requestDate),
    participantGroup: v.participantGroup === '' ? null : v.participantGroup,
    livesWithParents: v.livesWithParents,
    coupleBothParticipantsNoChildren: v.coupleBothParticipantsNoChildren,
    hasChildrenOrExpecting: v.hasChildrenOrExpecting,
    skillsMappingDate: orNull(v.skillsMappingDate),
    careerGuidanceDate: orNull(v.careerGuidanceDate),
    decisionDate: orNull(v.decisionDate),
    startDate: orNull(v.startDate),
    endGoal: orNull(v.endGoal),
    plannedMonths: int(v.plannedMonths),
    extensionMonths: int(v.extensionMonths) ?? 0,
    extensionReason: orNull(v.extensionReason),
    weeklyHours: weekly,
    hoursReason: orNull(v.hoursReason),
    elements,
    status: v.status,
    endDate: ended ? orNull(v.endDate) : null,
    endReason: ended && v.endReason !== '' ? v.endReason : null,
    mainActivity: ended && v.mainActivity !== '' ? v.mainActivity : null,
    followUpActivity: ended && v.followUpActivity !== '' ? v.followUpActivity : null,
    followUpDate: ended ? orNull(v.followUpDate) : null,
  };
}

/** Server paths are `fields.x`; the form's are `x`. */
export const decisionFormPath = (path: string) => (path.startsWith('fields.') ? path.slice('fields.'.length) : path);
