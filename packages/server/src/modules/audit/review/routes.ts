import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { can, checkThresholds, type Permission, type RoleAssignment, type UnitKind } from '@eidor/domain';
import type { FindingView } from '@eidor/contract';
import type { z } from 'zod';
import { withTenant, type Ctx, type Deps } from '../../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../../platform/errors.ts';
import { route } from '../../../platform/http.ts';
import { personNames, personsByNameFragment } from '../../persons/public.ts';
import { CONTENT_TYPE, csvSink, FINDING_COLUMNS, findingCells, READ_COLUMNS, readCells, xlsxSink, type ExportHead } from './export.ts';
import { CATEGORY_NB, fmtDateTime, KIND_NB, presentFinding, presentThresholds } from './present.ts';
import {
  breakGlassList,
  countReads,
  filterNames,
  findBreakGlass,
  findPatterns,
  markBreakGlassReviewed,
  openedDuring,
  reviewReads,
  reviewReadsBatches,
  reviewSummary,
  saveThresholds,
  thresholdsOf,
  type BreakGlassRow,
  type PatternFilter,
  type ReadRow,
  type ReviewFilter,
} from './queries.ts';

/** Findings per kind on the screen and in an export. */
const FINDINGS_LIMIT = 200;
const EXPORT_FINDINGS_LIMIT = 10_000;
const EXPORT_ROWS_LIMIT = 100_000;
const SUMMARY_LIMIT = 100;

const ROLE_NB: Record<string, string> = {
  advisor: 'programrådgiver',
  settlement_officer: 'bosettingskonsulent',
  health_worker: 'helsearbeider',
  grant_coordinator: 'tilskuddskoordinator',
  leader: 'leder',
  partner: 'samarbeidspartner',
  finance: 'økonomi',
  admin: 'systemadministrator',
  auditor: 'revisor/personvernombud',
};

function authorise(ctx: Ctx, permission: Permission) {
  const d = can(ctx.actor, permission);
  if (!d.allowed) throw forbidden();
  return d;
}

function presentRead(r: ReadRow, names: Map<string, { name: string }>) {
  return {
    id: Number(r.id),
    seq: r.seq === null ? null : Number(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    user: r.actor_user_id && r.user_name ? { id: r.actor_user_id, name: r.user_name, email: r.user_email ?? '' } : null,
    unit: r.unit_id && r.unit_name ? { id: r.unit_id, name: r.unit_name } : null,
    role: r.role,
    action: r.action,
    kind: r.kind,
    person: r.subject_id ? { id: r.subject_id, name: names.get(r.subject_id)?.name ?? '–' } : null,
    categories: r.categories,
  };
}

async function patterns(ctx: Ctx, f: PatternFilter, limit: number) {
  const t = await thresholdsOf(ctx.tx, ctx.actor.municipalityId);
  const { findings, counts } = await findPatterns(ctx.tx, ctx.actor.municipalityId, f, t, limit);
  const names = await personNames(ctx.tx, ctx.actor.municipalityId, findings.flatMap((x) => (x.subject_id ? [x.subject_id] : [])));
  return { thresholds: t, findings: findings.map((x) => presentFinding(x, names, t)), counts };
}

function presentGlass(g: BreakGlassRow, ctx: Ctx, names: Map<string, { name: string }>, opened: Map<string, { occurredAt: string; action: string; categories: string[] }[]>) {
  const leader = can(ctx.actor, 'audit.review').allowed;
  const reason: 'reviewed' | 'not_leader' | 'own_use' | null = g.reviewed_at ? 'reviewed' : !leader ? 'not_leader' : g.user_id === ctx.actor.userId ? 'own_use' : null;
  return {
    id: g.id,
    user: { id: g.user_id, name: g.user_name, email: g.user_email },
    unit: { id: g.unit_id, name: g.unit_name, kind: g.unit_kind as UnitKind },
    person: { id: g.person_id, name: names.get(g.person_id)?.name ?? '–' },
    reason: g.reason,
    startedAt: new Date(g.started_at).toISOString(),
    expiresAt: new Date(g.expires_at).toISOString(),
    endedAt: g.ended_at ? new Date(g.ended_at).toISOString() : null,
    opened: opened.get(g.id) ?? [],
    review: g.reviewed_at ? { at: new Date(g.reviewed_at).toISOString(), by: g.reviewed_by_name ?? '', note: g.review_note ?? '' } : null,
    canReview: reason === null,
    cannotReviewReason: reason,
  };
}

/** The export's heading: what, when, by whom, and every filter in words. */
async function exportHead(ctx: Ctx, what: 'reads' | 'patterns', f: ReviewFilter, rowsNote: string): Promise<ExportHead> {
  const names = await filterNames(ctx.tx, ctx.actor.municipalityId, f);
  const person = f.personId ? (await personNames(ctx.tx, ctx.actor.municipalityId, [f.personId])).get(f.personId)?.name ?? f.personId : null;
  const lines: [string, string][] = [
    ['Eksportert', fmtDateTime(ctx.now)],
    ['Eksportert av', ctx.actorEmail],
    ['Periode', `${f.from} – ${f.to} (norsk tid, begge dager med)`],
    ['Bruker', names.userName ?? 'alle'],
    ['Enhet', names.unitName ?? 'alle'],
  ];
  if (what === 'reads') {
    lines.push(
      ['Rolle', f.role ? (ROLE_NB[f.role] ?? f.role) : 'alle'],
      ['Person', person ?? 'alle'],
      ['Datakategori', f.category ? (CATEGORY_NB[f.category] ?? f.category) : 'alle'],
      ['Type handling', f.kind ? (KIND_NB[f.kind] ?? f.kind) : 'alle'],
    );
  }
  lines.push(['Rader', rowsNote]);
  return { title: what === 'reads' ? 'Tilgangskontroll – oppslag i personopplysninger' : 'Tilgangskontroll – uvanlige mønstre', lines };
}

/**
 * One audit row per person whose name the review shows, so each person's own access log ("who has
 * looked at this record") lists the look-up too. Written with the request's other rows, in one go.
 */
async function auditPeopleShown(ctx: Ctx, via: RoleAssignment | undefined, personIds: Iterable<string | null | undefined>): Promise<void> {
  for (const id of new Set([...personIds].filter((x): x is string => typeof x === 'string'))) {
    await ctx.audit({ action: 'access_review.read_person', subjectType: 'person', subjectId: id, categories: ['identity'], via });
  }
}

export function registerAccessReview(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'accessReviewReads', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = authorise(ctx, 'audit.read');
      const { items, total } = await reviewReads(ctx.tx, ctx.actor.municipalityId, body.filter, body.page, body.pageSize);
      const names = await personNames(ctx.tx, ctx.actor.municipalityId, items.flatMap((r) => (r.subject_id ? [r.subject_id] : [])));
      // Reading the access review is itself logged; a filter on one person names that person as the subject.
      await ctx.audit({ action: 'access_review.reads.read', subjectType: body.filter.personId ? 'person' : 'audit_log', ...(body.filter.personId ? { subjectId: body.filter.personId } : {}), via: d.via });
      await auditPeopleShown(ctx, d.via, names.keys());
      return { items: items.map((r) => presentRead(r, names)), total, page: body.page, pageSize: body.pageSize };
    }),
  );

  route(app, 'accessReviewSummary', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = authorise(ctx, 'audit.read');
      const s = await reviewSummary(ctx.tx, ctx.actor.municipalityId, body.filter, SUMMARY_LIMIT);
      const names = await personNames(ctx.tx, ctx.actor.municipalityId, s.persons.map((p) => p.subject_id));
      await ctx.audit({ action: 'access_review.summary.read', subjectType: body.filter.personId ? 'person' : 'audit_log', ...(body.filter.personId ? { subjectId: body.filter.personId } : {}), via: d.via });
      await auditPeopleShown(ctx, d.via, names.keys());
      return {
        users: s.users.map((u) => ({
          user: { id: u.user_id, name: u.name, email: u.email },
          units: u.units ?? [],
          persons: Number(u.persons),
          events: Number(u.events),
          categories: u.categories ?? [],
          first: new Date(u.first_at).toISOString(),
          last: new Date(u.last_at).toISOString(),
        })),
        persons: s.persons.map((p) => ({
          person: { id: p.subject_id, name: names.get(p.subject_id)?.name ?? '–' },
          users: Number(p.users),
          events: Number(p.events),
          categories: p.categories ?? [],
          last: new Date(p.last_at).toISOString(),
        })),
        limit: SUMMARY_LIMIT,
      };
    }),
  );

  route(app, 'accessReviewPatterns', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = authorise(ctx, 'audit.read');
      const r = await patterns(ctx, body.filter, FINDINGS_LIMIT);
      await ctx.audit({ action: 'access_review.patterns.read', subjectType: 'audit_log', via: d.via });
      return { thresholds: presentThresholds(r.thresholds), findings: r.findings, counts: r.counts, limit: FINDINGS_LIMIT };
    }),
  );

  route(app, 'accessReviewPeople', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = authorise(ctx, 'audit.read');
      const found = await personsByNameFragment(ctx.tx, ctx.actor.municipalityId, body.name, 20);
      await ctx.audit({ action: 'access_review.person_lookup', subjectType: 'person', categories: ['identity'], via: d.via });
      await auditPeopleShown(ctx, d.via, found.map((p) => p.id));
      return { items: found.map((p) => ({ id: p.id, name: `${p.given} ${p.family}`, birthYear: p.birthDate ? Number(String(p.birthDate).slice(0, 4)) : null })) };
    }),
  );

  route(app, 'accessReviewExport', o, async ({ req, reply, body }) => {
    // First transaction: authorise, describe, and commit the audit row — no byte leaves before it.
    const prepared = await withTenant(deps, req, async (ctx) => {
      const d = authorise(ctx, 'audit.read');
      const filter = body.filter as ReviewFilter;
      let note: string;
      if (body.what === 'reads') {
        const total = await countReads(ctx.tx, ctx.actor.municipalityId, filter);
        note = total > EXPORT_ROWS_LIMIT ? `${EXPORT_ROWS_LIMIT} av ${total} (de nyeste; del opp perioden for resten)` : String(total);
      } else {
        note = `inntil ${EXPORT_FINDINGS_LIMIT} funn per mønster`;
      }
      const head = await exportHead(ctx, body.what, filter, note);
      await ctx.audit({
        action: `access_review.${body.what}.export`,
        subjectType: filter.personId ? 'person' : 'audit_log',
        ...(filter.personId ? { subjectId: filter.personId } : {}),
        via: d.via,
      });
      return { head, stamp: ctx.now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-') };
    });
    const out = new PassThrough();
    const name = `tilgangskontroll-${body.what === 'reads' ? 'oppslag' : 'monstre'}-${body.filter.from}-${body.filter.to}-${prepared.stamp}.${body.format}`;
    reply.code(200).header('content-type', CONTENT_TYPE[body.format]).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store').send(out);
    // Second transaction: read and write the rows as they come.
    try {
      await withTenant(deps, req, async (ctx) => {
        const columns = body.what === 'reads' ? READ_COLUMNS : FINDING_COLUMNS;
        const sink =
          body.format === 'csv'
            ? await csvSink(out, prepared.head, columns)
            : await xlsxSink(out, prepared.head, columns, body.what === 'reads' ? 'Oppslag' : 'Funn', ctx.now);
        if (body.what === 'reads') {
          for await (const batch of reviewReadsBatches(ctx.tx, ctx.actor.municipalityId, body.filter, EXPORT_ROWS_LIMIT)) {
            const names = await personNames(ctx.tx, ctx.actor.municipalityId, batch.flatMap((r) => (r.subject_id ? [r.subject_id] : [])));
            for (const r of batch) await sink.add(readCells(r, r.subject_id ? names.get(r.subject_id)?.name : undefined));
          }
        } else {
          const r = await patterns(ctx, body.filter, EXPORT_FINDINGS_LIMIT);
          for (const f of r.findings as z.output<typeof FindingView>[]) await sink.add(findingCells(f));
        }
        await sink.end();
      });
    } catch (err) {
      req.log.error({ err }, 'access review export failed while streaming');
      out.destroy(err as Error);
    }
    // The response is complete only when the file has left; until then the route must not answer again.
    await finished(reply.raw).catch(() => undefined);
  });

  route(app, 'accessReviewThresholds', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      authorise(ctx, 'audit.read');
      return presentThresholds(await thresholdsOf(ctx.tx, ctx.actor.municipalityId));
    }),
  );

  route(app, 'putAccessReviewThresholds', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = authorise(ctx, 'audit.review');
      const { version, ...t } = body;
      const problems = checkThresholds(t);
      if (problems.length > 0) throw new AppError('VALIDATION', 'The thresholds are not valid', { fields: problems.map((p) => ({ path: p.path, message: p.reason })) });
      if (!(await saveThresholds(ctx.tx, ctx.actor.municipalityId, t, version, ctx.actor.userId, ctx.now))) throw versionConflict();
      await ctx.audit({ action: 'access_review.thresholds.update', subjectType: 'access_review_settings', subjectId: ctx.actor.municipalityId, via: d.via });
      return presentThresholds(await thresholdsOf(ctx.tx, ctx.actor.municipalityId));
    }),
  );

  route(app, 'breakGlassReviews', o, async ({ req, query }) =>
    withTenant(deps, req, async (ctx) => {
      const d = authorise(ctx, 'audit.read');
      const list = await breakGlassList(ctx.tx, ctx.actor.municipalityId, query.status === 'unreviewed', query.page, query.pageSize);
      const ids = list.items.map((g) => g.id);
      const [names, opened] = await Promise.all([
        personNames(ctx.tx, ctx.actor.municipalityId, list.items.map((g) => g.person_id)),
        openedDuring(ctx.tx, ctx.actor.municipalityId, ids),
      ]);
      await ctx.audit({ action: 'access_review.break_glass.read', subjectType: 'break_glass_grant', categories: ['identity'], via: d.via });
      await auditPeopleShown(ctx, d.via, list.items.map((g) => g.person_id));
      return { items: list.items.map((g) => presentGlass(g, ctx, names, opened)), total: list.total, unreviewed: list.unreviewed, page: query.page, pageSize: query.pageSize };
    }),
  );

  route(app, 'reviewBreakGlass', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = authorise(ctx, 'audit.review');
      const g = await findBreakGlass(ctx.tx, ctx.actor.municipalityId, params.id);
      if (!g) throw notFound();
      // The one who used break-the-glass never reviews their own use.
      if (g.user_id === ctx.actor.userId) throw new AppError('FORBIDDEN', 'You cannot review your own break-the-glass use; another leader must');
      if (g.reviewed_at) throw new AppError('CONFLICT', 'This break-the-glass use has already been reviewed');
      if (!(await markBreakGlassReviewed(ctx.tx, ctx.actor.municipalityId, g.id, ctx.actor.userId, body.note, ctx.now))) {
        throw new AppError('CONFLICT', 'This break-the-glass use has already been reviewed');
      }
      await ctx.audit({ action: 'access_review.break_glass.review', subjectType: 'break_glass_grant', subjectId: g.id, via: d.via });
      const after = (await findBreakGlass(ctx.tx, ctx.actor.municipalityId, g.id))!;
      const [names, opened] = await Promise.all([personNames(ctx.tx, ctx.actor.municipalityId, [after.person_id]), openedDuring(ctx.tx, ctx.actor.municipalityId, [after.id])]);
      return presentGlass(after, ctx, names, opened);
    }),
  );
}
