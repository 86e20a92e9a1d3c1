import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { categoryReach, parseNorwegianOrIsoDate, programmeResults, regimeOf } from '@eidor/domain';
import { rows } from '../../db/raw.ts';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { programmeEnd } from './benefit.ts';

/** NIR export and results read every participant: only roles that read programme data for everyone. */
function requireAll(ctx: Ctx) {
  if (!categoryReach(ctx.actor, 'read').all.includes('programme')) throw forbidden();
}

type Row = {
  person_id: string;
  given_name: string;
  family_name: string;
  sex: string;
  birth_date: string;
  national_id: string | null;
  duf_number: string | null;
  permit_type: string | null;
  permit_date: string | null;
  request_date: string | null;
  decision_date: string | null;
  start_date: string | null;
  end_goal: string | null;
  participant_group: string | null;
  planned_months: number | null;
  extension_months: number;
  weekly_hours: string | null;
  skills_mapping_date: string | null;
  career_guidance_date: string | null;
  elements: Record<string, boolean>;
  status: string;
  end_date: string | null;
  end_reason: string | null;
  main_activity: string | null;
  follow_up_activity: string | null;
  valid_absence_hours: string;
  unexcused_hours: string;
  unpaid_leave_days: string;
  measures: { type: string; from: string; to: string; hoursPerWeek: number }[] | null;
};

async function participants(ctx: Ctx): Promise<Row[]> {
  return rows<Row>(
    ctx.tx,
    `SELECT g.person_id, p.given_name, p.family_name, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.national_id, p.duf_number,
            p.permit_type, to_char(p.permit_date, 'YYYY-MM-DD') AS permit_date,
            to_char(g.request_date, 'YYYY-MM-DD') AS request_date, to_char(g.decision_date, 'YYYY-MM-DD') AS decision_date,
            to_char(g.start_date, 'YYYY-MM-DD') AS start_date, g.end_goal, g.participant_group, g.planned_months, g.extension_months,
            g.weekly_hours::text AS weekly_hours, to_char(g.skills_mapping_date, 'YYYY-MM-DD') AS skills_mapping_date,
            to_char(g.career_guidance_date, 'YYYY-MM-DD') AS career_guidance_date, g.elements, g.status,
            to_char(g.end_date, 'YYYY-MM-DD') AS end_date, g.end_reason, g.main_activity, g.follow_up_activity,
            coalesce(a.valid_hours, 0)::text AS valid_absence_hours, coalesce(a.unexcused_hours, 0)::text AS unexcused_hours,
            coalesce(a.unpaid_days, 0)::text AS unpaid_leave_days,
            (SELECT ip.measures FROM integration_plans ip WHERE ip.person_id = g.person_id AND ip.status = 'adopted' LIMIT 1) AS measures
       FROM programmes g
       JOIN persons p ON p.id = g.person_id
       LEFT JOIN (
         SELECT person_id,
                sum(planned_hours - present_hours) FILTER (WHERE absence_kind NOT IN ('unexcused','leave_without_benefit')) AS valid_hours,
                sum(planned_hours - present_hours) FILTER (WHERE absence_kind = 'unexcused') AS unexcused_hours,
                count(*) FILTER (WHERE absence_kind = 'leave_without_benefit') AS unpaid_days
           FROM attendance WHERE municipality_id = $1 GROUP BY person_id
       ) a ON a.person_id = g.person_id
      WHERE g.municipality_id = $1
      ORDER BY p.family_name, p.given_name, g.person_id`,
    [ctx.actor.municipalityId],
  );
}

export const NIR_COLUMNS = [
  'fodselsnummer', 'dufnummer', 'navn', 'regelverk', 'krav_dato', 'vedtak_dato', 'start_dato', 'sluttmal', 'deltakergruppe',
  'planlagt_varighet_mnd', 'forlengelse_mnd', 'planlagt_slutt', 'timer_per_uke', 'kartlegging_dato', 'karriereveiledning_dato',
  'norsk', 'samfunnskunnskap', 'livsmestring', 'foreldreveiledning', 'arbeid_utdanning', 'tiltak',
  'gyldig_fravaer_timer', 'ugyldig_fravaer_timer', 'permisjon_uten_stonad_dager', 'status', 'slutt_dato', 'avslutningsarsak', 'hovedaktivitet',
] as const;

const cell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const yesNo = (b: boolean | undefined) => (b ? 'ja' : 'nei');

export function registerNir(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'programmeResults', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      requireAll(ctx);
      const ps = (await participants(ctx)).filter((p) => p.status === 'ended' && p.end_date);
      return {
        years: programmeResults(
          ps.map((p) => ({ birthDate: p.birth_date, sex: p.sex, endDate: p.end_date!, endReason: p.end_reason, mainActivity: p.main_activity, followUpActivity: p.follow_up_activity })),
        ),
      };
    }),
  );

  route(app, 'nirExport', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      requireAll(ctx);
      const ps = await participants(ctx);
      const lines = [NIR_COLUMNS.join(';')];
      for (const p of ps) {
        const end = p.start_date ? programmeEnd({ startDate: p.start_date, endDate: null, plannedMonths: p.planned_months, extensionMonths: p.extension_months }) : null;
        const e = p.elements ?? {};
        lines.push(
          [
            p.national_id, p.duf_number, `${p.given_name} ${p.family_name}`, regimeOf(p.permit_type, p.permit_date), p.request_date, p.decision_date, p.start_date, p.end_goal,
            p.participant_group, p.planned_months, p.extension_months, end, p.weekly_hours, p.skills_mapping_date, p.career_guidance_date,
            yesNo(e.norwegian), yesNo(e.social_studies), yesNo(e.life_skills), yesNo(e.parenting_course), yesNo(e.work_or_education),
            (p.measures ?? []).map((m) => `${m.type} ${m.from}–${m.to} ${m.hoursPerWeek} t/uke`).join(' | '),
            Number(p.valid_absence_hours), Number(p.unexcused_hours), Number(p.unpaid_leave_days), p.status, p.end_date, p.end_reason, p.main_activity,
          ]
            .map(cell)
            .join(';'),
        );
      }
      await ctx.audit({ action: 'nir.export', subjectType: 'person', categories: ['identity', 'programme'] });
      return { filename: `nir-eksport-${ctx.now.toISOString().slice(0, 10)}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n`, participants: ps.length };
    }),
  );

  route(app, 'nirCompare', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      requireAll(ctx);
      const text = body.csv.replace(/^\uFEFF/, '');
      const first = text.split(/\r?\n/, 1)[0] ?? '';
      const delimiter = (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) ? ';' : ',';
      const problems: { line: number; column: string | null; message: string }[] = [];
      let records: string[][] = [];
      try {
        records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
      } catch (err) {
        problems.push({ line: 1, column: null, message: `The file is not valid CSV: ${(err as Error).message.split('\n')[0]}` });
      }
      const header = (records[0] ?? []).map((h) => h.toLowerCase());
      for (const c of ['fodselsnummer', 'dufnummer', 'start_dato', 'slutt_dato', 'avslutningsarsak']) if (!header.includes(c)) problems.push({ line: 1, column: c, message: `The column "${c}" is missing` });
      if (problems.length > 0) return { matched: 0, differences: [], problems };
      const ps = await participants(ctx);
      const byNid = new Map(ps.filter((p) => p.national_id).map((p) => [p.national_id!, p]));
      const byDuf = new Map(ps.filter((p) => p.duf_number).map((p) => [p.duf_number!, p]));
      const seen = new Set<string>();
      const differences: { line: number | null; personId: string | null; name: string | null; field: string; eidor: string | null; nir: string | null }[] = [];
      let matched = 0;
      records.slice(1).forEach((rec, i) => {
        const line = i + 2;
        const v = (c: string) => rec[header.indexOf(c)]?.trim() || null;
        const date = (c: string) => {
          const raw = v(c);
          if (!raw) return null;
          const d = parseNorwegianOrIsoDate(raw);
          if (!d) problems.push({ line, column: c, message: `"${raw}" is not a date` });
          return d ?? null;
        };
        const nid = v('fodselsnummer');
        const duf = v('dufnummer')?.replace(/[\s-]/g, '') ?? null;
        const p = (nid ? byNid.get(nid) : undefined) ?? (duf ? byDuf.get(duf) : undefined);
        if (!p) {
          differences.push({ line, personId: null, name: null, field: 'participant', eidor: null, nir: nid ?? duf ?? '(no id)' });
          return;
        }
        matched++;
        seen.add(p.person_id);
        const name = `${p.given_name} ${p.family_name}`;
        const compare = (field: string, eidor: string | null, nir: string | null) => {
          if ((eidor ?? '') !== (nir ?? '')) differences.push({ line, personId: p.person_id, name, field, eidor, nir });
        };
        compare('start_dato', p.start_date, date('start_dato'));
        compare('slutt_dato', p.end_date, date('slutt_dato'));
        compare('avslutningsarsak', p.end_reason, v('avslutningsarsak'));
      });
      for (const p of ps) {
        if (!seen.has(p.person_id) && p.start_date) differences.push({ line: null, personId: p.person_id, name: `${p.given_name} ${p.family_name}`, field: 'participant', eidor: p.start_date, nir: null });
      }
      await ctx.audit({ action: 'nir.compare', subjectType: 'person', categories: ['identity', 'programme'] });
      return { matched, differences, problems };
    }),
  );
}
