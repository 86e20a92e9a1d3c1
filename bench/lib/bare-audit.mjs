// The audit writing of platform/audit.ts for the bare baselines, statement for statement: the row is
// inserted unchained in the request's transaction, and after the commit a sealer chains committed rows
// in insertion order under the chain head's lock — one seal at a time per municipality, a kick during a
// seal runs one more afterwards (the app's AuditSealer). The bare side thus does the same audit work.
import { randomUUID } from 'node:crypto';

const INSERT_HEAD = 'INSERT INTO audit_log (municipality_id, occurred_at, actor_user_id, actor_email, unit_id, role, action, subject_type, subject_id, categories, request_id, ip)';
const CASTS = ['::uuid', '::timestamptz', '::uuid', '', '::uuid', '', '', '', '', '::text[]', '', ''];

/**
 * `pool`: the bare server's pg pool; `kit.auditHash` and `kit.APP_ROLE` from the server's code.
 * Returns `row(c, actor, input)` (or `rows(c, actor, inputs)`) to call inside the request's transaction and `committed(m)` to call
 * after its COMMIT.
 */
export function bareAudit(pool, kit) {
  const running = new Map();
  const again = new Set();

  async function row(c, actor, input) {
    await rowsOf(c, actor, [input]);
  }

  /** Several rows in one statement, as the app inserts a request's rows just before its COMMIT. */
  async function rowsOf(c, actor, inputs) {
    const values = [];
    const tuples = inputs.map((input) => {
      const at = values.length;
      values.push(...valuesOf(actor, input));
      return `(${CASTS.map((cast, i) => `$${at + i + 1}${cast}`).join(', ')})`;
    });
    await c.query({ name: `bare_audit_insert_${inputs.length}`, text: `${INSERT_HEAD} VALUES ${tuples.join(', ')}`, values });
  }

  function valuesOf(actor, input) {
    return [
      actor.municipalityId,
      new Date().toISOString(),
      actor.userId,
      actor.email,
      input.via?.unitId ?? null,
      input.via?.role ?? null,
      input.action,
      input.subjectType ?? null,
      input.subjectId ?? null,
      input.categories ?? [],
      randomUUID(),
      '127.0.0.1',
    ];
  }

  async function sealOnce(m, limit = 2000) {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query("SELECT set_config('role', $1, true), set_config('app.municipality_id', $2, true), set_config('app.user_id', '', true)", [kit.APP_ROLE, m]);
      const head = (await c.query({ name: 'bare_seal_head', text: 'SELECT seq, hash FROM audit_chain_head WHERE municipality_id = $1 FOR UPDATE', values: [m] })).rows[0];
      const pending = (
        await c.query({
          name: 'bare_seal_pending',
          text: `SELECT id, occurred_at, actor_user_id, actor_email, unit_id, role, action, subject_type, subject_id, categories, request_id, ip
             FROM audit_log WHERE municipality_id = $1 AND seq IS NULL ORDER BY id LIMIT $2`,
          values: [m, limit],
        })
      ).rows;
      if (pending.length === 0) {
        await c.query('COMMIT');
        return 0;
      }
      let seq = Number(head.seq);
      let prev = head.hash;
      const ids = [], seqs = [], prevs = [], hashes = [];
      for (const r of pending) {
        seq += 1;
        const hash = kit.auditHash(prev, seq, {
          municipalityId: m, occurredAt: new Date(r.occurred_at), actorUserId: r.actor_user_id, actorEmail: r.actor_email, unitId: r.unit_id, role: r.role,
          action: r.action, subjectType: r.subject_type, subjectId: r.subject_id, categories: r.categories, requestId: r.request_id, ip: r.ip,
        });
        ids.push(String(r.id));
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await c.query({
        name: 'bare_seal_rows',
        text: `UPDATE audit_log a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
           FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[]) AS v(id, seq, prev_hash, hash)
          WHERE a.municipality_id = $1 AND a.id = v.id`,
        values: [m, ids, seqs, prevs, hashes],
      });
      await c.query({ name: 'bare_seal_head_update', text: 'UPDATE audit_chain_head SET seq = $2, hash = $3 WHERE municipality_id = $1', values: [m, seq, prev] });
      await c.query('COMMIT');
      return pending.length;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  function committed(m) {
    if (running.has(m)) {
      again.add(m);
      return;
    }
    const run = (async () => {
      try {
        do {
          again.delete(m);
          while ((await sealOnce(m)) === 2000);
        } while (again.has(m));
      } catch (err) {
        console.error(`bare sealer: ${err.message}`);
      } finally {
        running.delete(m);
      }
    })();
    running.set(m, run);
  }

  async function drain() {
    await Promise.allSettled([...running.values()]);
  }

  return { row, rows: rowsOf, committed, drain };
}
