import type { FastifyBaseLogger } from 'fastify';
import { addDays, DEADLINE_NOTICE_DAYS, deadlineComing, osloDate } from '@eidor/domain';
import type { Db } from '../../db/client.ts';
import { pgArray, rows } from '../../db/raw.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditRow, enterTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { digestMail } from './mail-texts.ts';
import { notifyCounted } from './notify.ts';
import { mailLanguages } from './queries.ts';

// The daily jobs: the digest mail and the "deadline coming" notices. Each runs per municipality in
// one transaction that first claims its (municipality, job, day) row in job_runs: a second process
// (or a second run the same day) blocks on that row until the first commits, then finds it taken
// and does nothing. A failed run rolls back its claim, so the next tick tries again.

export type JobName = 'daily_digest' | 'deadline_coming';
export const JOB_NAMES: readonly JobName[] = ['deadline_coming', 'daily_digest'];
export type JobResult = { job: JobName; date: string; ran: boolean; count: number };

/** A context for work nobody signed in for: no user, no roles, audit rows without an actor. */
function systemCtx(tx: Db, municipalityId: string, now: Date, job: string, deps: Pick<Deps, 'config'>, log: FastifyBaseLogger): Ctx {
  const requestId = `job:${job}:${osloDate(now)}`;
  return {
    actor: { userId: '', municipalityId, assignments: [] },
    actorEmail: '',
    tx,
    requestId,
    ip: null,
    now,
    log,
    publicUrl: deps.config.publicUrl,
    async audit(input) {
      await appendAudit(tx, auditRow({ municipalityId, actorUserId: null, actorEmail: null, requestId, ip: null, now }, input));
    },
  };
}

/**
 * (b) "Deadline coming": every open task due within seven days or overdue gets one notice per
 * recipient for its current due date — to its assignee, or else to everyone in its owner unit.
 * A task whose due date moves gets a new notice for the new date.
 */
export async function createDeadlineNotices(ctx: Ctx, today: string): Promise<number> {
  const due = await rows<{ id: string; kind: string; owner_unit_id: string; assignee_user_id: string | null; due_date: string; person_id: string | null }>(
    ctx.tx,
    `SELECT id, kind, owner_unit_id, assignee_user_id, to_char(due_date, 'YYYY-MM-DD') AS due_date, person_id
       FROM tasks WHERE municipality_id = $1 AND status = 'open' AND due_date IS NOT NULL AND due_date <= $2::date
      ORDER BY due_date, id`,
    [ctx.actor.municipalityId, addDays(today, DEADLINE_NOTICE_DAYS)],
  );
  let count = 0;
  for (const t of due) {
    const d = deadlineComing(t.due_date, today);
    if (!d.coming) continue;
    count += await notifyCounted(ctx, {
      kind: 'deadline_coming',
      recipients: t.assignee_user_id ? { userIds: [t.assignee_user_id] } : { unitIds: [t.owner_unit_id] },
      personId: t.person_id,
      link: `/tasks?scope=${t.assignee_user_id ? 'mine' : 'unit'}&kind=${encodeURIComponent(t.kind)}`,
      params: { dueDate: t.due_date, taskKind: t.kind },
      sourceKey: `deadline:${t.id}:${t.due_date}`,
    });
  }
  return count;
}

/**
 * (a) The daily digest: for each user, their unread notifications on the digest delivery not yet in
 * a digest, in one mail (kinds and links only). Nothing when there is nothing; one per user and day.
 */
export async function sendDigests(ctx: Ctx, today: string): Promise<number> {
  const pending = await rows<{ id: string; user_id: string; email: string; kind: string; link: string }>(
    ctx.tx,
    `SELECT n.id, n.user_id, u.email::text AS email, n.kind, n.link
       FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.municipality_id = $1 AND n.delivery = 'digest' AND n.digested_at IS NULL AND n.read_at IS NULL
        AND n.created_at <= $2::timestamptz AND u.status = 'active'
      ORDER BY n.user_id, n.created_at DESC, n.id DESC`,
    [ctx.actor.municipalityId, ctx.now.toISOString()],
  );
  const byUser = new Map<string, typeof pending>();
  for (const p of pending) byUser.set(p.user_id, [...(byUser.get(p.user_id) ?? []), p]);
  const languages = await mailLanguages(ctx.tx, [...byUser.keys()]);
  let sent = 0;
  for (const [userId, items] of byUser) {
    // The digest's primary key (user, day) is the once-a-day guarantee, whatever called this.
    const claimed = await rows(
      ctx.tx,
      `INSERT INTO notification_digests (municipality_id, user_id, digest_date, item_count, sent_at) VALUES ($1, $2, $3::date, $4, $5)
       ON CONFLICT (user_id, digest_date) DO NOTHING RETURNING user_id`,
      [ctx.actor.municipalityId, userId, today, items.length, ctx.now.toISOString()],
    );
    if (claimed.length === 0) continue;
    const mail = digestMail(languages.get(userId) ?? 'nb', ctx.publicUrl, today, items);
    await enqueueMail(ctx.tx, { municipalityId: ctx.actor.municipalityId, to: items[0]!.email, subject: mail.subject, body: mail.body, now: ctx.now });
    await rows(ctx.tx, `UPDATE notifications SET digested_at = $2::timestamptz WHERE id = ANY($1::uuid[])`, [pgArray(items.map((i) => i.id)), ctx.now.toISOString()]);
    sent++;
  }
  return sent;
}

/**
 * Runs the given daily jobs for one municipality as of `now`, each at most once per Norwegian day.
 * Callable directly (tests pass their own `now`); the scheduler and the admin endpoint use it.
 */
export async function runDailyJobs(
  deps: Pick<Deps, 'config' | 'database'>,
  municipalityId: string,
  now: Date,
  jobs: readonly JobName[],
  log: FastifyBaseLogger,
): Promise<JobResult[]> {
  const today = osloDate(now);
  const results: JobResult[] = [];
  // Deadlines first, so today's notices can be in today's digest.
  for (const job of JOB_NAMES.filter((j) => jobs.includes(j))) {
    const r = await deps.database.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await enterTenant(tx, municipalityId, null);
      const claim = await rows(
        tx,
        `INSERT INTO job_runs (municipality_id, job, run_date, started_at) VALUES ($1, $2, $3::date, $4)
         ON CONFLICT (municipality_id, job, run_date) DO NOTHING RETURNING job`,
        [municipalityId, job, today, now.toISOString()],
      );
      if (claim.length === 0) return { job, date: today, ran: false, count: 0 };
      const ctx = systemCtx(tx, municipalityId, now, job, deps, log);
      const count = job === 'deadline_coming' ? await createDeadlineNotices(ctx, today) : await sendDigests(ctx, today);
      await rows(tx, `UPDATE job_runs SET finished_at = $4, result = $5::jsonb WHERE municipality_id = $1 AND job = $2 AND run_date = $3::date`, [
        municipalityId,
        job,
        today,
        now.toISOString(),
        JSON.stringify({ count }),
      ]);
      await ctx.audit({ action: `job.${job}`, subjectType: 'job' });
      return { job, date: today, ran: true, count };
    });
    log.info({ job: r.job, ran: r.ran, count: r.count }, 'daily job');
    results.push(r);
  }
  return results;
}

/** Every municipality's id (read outside any tenant: the table has no personal data). */
export async function municipalityIds(deps: Pick<Deps, 'database'>): Promise<string[]> {
  return (await deps.database.query<{ id: string }>('SELECT id FROM municipalities ORDER BY number')).map((r) => r.id);
}

/** The hour (Norwegian time) from which the day's jobs run, so digests arrive in the morning. */
export const DAILY_JOBS_HOUR = 6;

const osloHour = (at: Date) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' }).format(at));

/**
 * The in-process scheduler: every `everyMs` it runs the day's jobs for every municipality once the
 * Norwegian clock has passed DAILY_JOBS_HOUR. job_runs makes extra ticks and extra processes no-ops.
 * Returns a stop function.
 */
export function startDailyJobs(deps: Pick<Deps, 'config' | 'database' | 'clock'>, log: FastifyBaseLogger, everyMs = 10 * 60_000): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    const now = deps.clock.now();
    if (osloHour(now) < DAILY_JOBS_HOUR) return;
    running = (async () => {
      for (const id of await municipalityIds(deps)) {
        try {
          await runDailyJobs(deps, id, now, JOB_NAMES, log);
        } catch (err) {
          log.error({ err, municipalityId: id }, 'daily notification jobs failed; the next tick tries again');
        }
      }
    })()
      .catch((err: unknown) => log.error({ err }, 'daily notification jobs failed'))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    if (running) await running;
  };
}
