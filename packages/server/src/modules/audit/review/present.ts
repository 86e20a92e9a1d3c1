import type { ReviewThresholds } from '@eidor/domain';
import type { FindingRow, ThresholdsRow } from './queries.ts';

// What leaves the server from the access review, and the reasons in Norwegian bokmål that the
// export writes (the screen words the same facts in the user's language).

const osloDate = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' });
const osloTime = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const osloDateTime = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' });

export const fmtDate = (d: Date) => osloDate.format(d);
export const fmtTime = (d: Date) => osloTime.format(d);
export const fmtDateTime = (d: Date) => osloDateTime.format(d);

export const CATEGORY_NB: Record<string, string> = {
  identity: 'identitet',
  settlement: 'bosetting',
  programme: 'program',
  health: 'helse',
  child_welfare: 'barnevern',
  economy: 'økonomi',
};
export const KIND_NB: Record<string, string> = { read: 'lesing', write: 'endring', search: 'søk/liste', export: 'eksport', break_glass: 'nødtilgang' };
export const FINDING_NB: Record<string, string> = {
  burst: 'Mange journaler på kort tid',
  after_hours: 'Utenfor arbeidstid',
  special_outside_team: 'Særlige kategorier utenfor teamet',
  break_glass: 'Nødtilgang (break-the-glass)',
};

const cats = (c: readonly string[] | null) => (c ?? []).map((x) => CATEGORY_NB[x] ?? x).join(', ');

/** The reason for one finding, in words. */
export function reasonNb(f: FindingRow, t: ReviewThresholds): string {
  const from = new Date(f.from_at);
  const to = new Date(f.to_at);
  const n = Number(f.n);
  switch (f.kind) {
    case 'burst':
      return `Åpnet ${n} ulike personers journaler ${fmtDate(from)} mellom kl. ${fmtTime(from)} og ${fmtTime(to)} – terskelen er ${t.burstPersons} personer innen ${t.burstMinutes} minutter.`;
    case 'after_hours': {
      const day = new Date(`${f.detail}T12:00:00Z`);
      const weekday = new Intl.DateTimeFormat('nb-NO', { weekday: 'long', timeZone: 'Europe/Oslo' }).format(day);
      return `Åpnet ${n} ${n === 1 ? 'persons journal' : 'personers journaler'} ${weekday} ${fmtDate(day)} kl. ${fmtTime(from)}–${fmtTime(to)}, utenfor arbeidstid (${t.workdayStart}–${t.workdayEnd} på virkedager; helg og helligdager regnes utenfor).`;
    }
    case 'special_outside_team':
      return `Leste ${cats(f.categories)} ${n} ${n === 1 ? 'gang' : 'ganger'} (${fmtDate(from)}${n > 1 ? `–${fmtDate(to)}` : ''}), men ${f.unit_name ? `enheten ${f.unit_name}` : 'brukerens enhet'} står ikke på personens team.`;
    case 'break_glass':
      return `Brukte nødtilgang ${fmtDate(from)} kl. ${fmtTime(from)}${f.detail ? ` med begrunnelsen «${f.detail}»` : ''}.`;
  }
}

export function presentThresholds(t: ThresholdsRow) {
  return {
    burstPersons: t.burstPersons,
    burstMinutes: t.burstMinutes,
    workdayStart: t.workdayStart,
    workdayEnd: t.workdayEnd,
    own: t.own,
    version: t.version,
    updatedAt: t.updatedAt ? t.updatedAt.toISOString() : null,
    updatedBy: t.updatedBy,
  };
}

export function presentFinding(f: FindingRow, names: Map<string, { name: string }>, t: ReviewThresholds) {
  return {
    kind: f.kind,
    user: f.user_id && f.user_name ? { id: f.user_id, name: f.user_name, email: f.user_email ?? '' } : null,
    unit: f.unit_id && f.unit_name ? { id: f.unit_id, name: f.unit_name } : null,
    person: f.subject_id ? { id: f.subject_id, name: names.get(f.subject_id)?.name ?? '–' } : null,
    from: new Date(f.from_at).toISOString(),
    to: new Date(f.to_at).toISOString(),
    count: Number(f.n),
    categories: f.categories ?? [],
    detail: f.detail,
    reason: reasonNb(f, t),
  };
}
