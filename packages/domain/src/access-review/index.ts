// Access review (issue 7 § 9; Normen faktaark 15 "Logging og innsyn i logg"): who opened which
// records, and the patterns a leader or the data-protection officer should look at.

/** What an audit row about a person did, for the review's "action kind" filter. */
export const ACTION_KINDS = ['read', 'write', 'search', 'export', 'break_glass'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/**
 * The kind of an audit action, from its name. The server's SQL (`actionKindSql`) encodes the same
 * rules; a server test checks that the two agree on every action the modules write.
 */
export function actionKind(action: string): ActionKind {
  if (action === 'person.break_glass') return 'break_glass';
  if (action.endsWith('.export')) return 'export';
  if (action === 'person.search' || action === 'person.duplicate_check' || action === 'nir.compare' || action.endsWith('.list')) return 'search';
  if (action.endsWith('.read') || action.includes('.read_') || action.endsWith('.download') || action.startsWith('letter.')) return 'read';
  return 'write';
}

/** The patterns the review looks for. */
export const FINDING_KINDS = ['burst', 'after_hours', 'special_outside_team', 'break_glass'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Thresholds of the pattern search; each municipality may set its own. */
export type ReviewThresholds = {
  /** This many distinct people opened by one user… */
  burstPersons: number;
  /** …within this many minutes is a burst. */
  burstMinutes: number;
  /** Working hours on working days (Norwegian time), HH:MM; outside them, and on weekends and public holidays, is after hours. */
  workdayStart: string;
  workdayEnd: string;
};

/** Defaults until a leader sets the municipality's own: ≥ 20 distinct people within 10 minutes; 07:00–17:00. */
export const REVIEW_DEFAULTS: ReviewThresholds = { burstPersons: 20, burstMinutes: 10, workdayStart: '07:00', workdayEnd: '17:00' };

export const REVIEW_LIMITS = {
  burstPersonsMin: 2,
  burstPersonsMax: 1000,
  burstMinutesMin: 1,
  burstMinutesMax: 24 * 60,
  /** The longest period the patterns are computed over at once (days). */
  periodDaysMax: 366,
} as const;

/** Reasons a threshold setting is refused, or none. */
export function checkThresholds(t: ReviewThresholds): { path: keyof ReviewThresholds; reason: string }[] {
  const out: { path: keyof ReviewThresholds; reason: string }[] = [];
  if (!(t.workdayStart < t.workdayEnd)) out.push({ path: 'workdayEnd', reason: 'working hours must end after they start' });
  return out;
}
