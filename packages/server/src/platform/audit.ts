import { createHash } from 'node:crypto';
import type { Database, Db } from '../db/client.ts';
import { pgArray, preparedRows, rows } from '../db/raw.ts';

/** What one audit row records. Never the data itself: ids and categories only. */
export type AuditEntry = {
  municipalityId: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  unitId: string | null;
  role: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  categories: string[];
  requestId: string;
  ip: string | null;
};

/** The hash of one row: SHA-256 over the previous hash and the row's fields in a fixed order. */
export function auditHash(prevHash: string, seq: number, e: AuditEntry): string {
  const canonical = JSON.stringify([
    e.municipalityId,
    seq,
    e.occurredAt.toISOString(),
    e.actorUserId,
    e.actorEmail,
    e.unitId,
    e.role,
    e.action,
    e.subjectType,
    e.subjectId,
    e.categories,
    e.requestId,
    e.ip,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * Appends one row inside the caller's transaction, unchained: it commits with the caller's changes or
 * not at all, and if the insert fails the caller's transaction fails with it (fail closed). The
 * sealer (`sealAuditChain`, run after commit by `AuditSealer`) gives it its place in the
 * municipality's hash chain moments later, so requests no longer queue on the chain head's lock.
 */
export async function appendAudit(tx: Db, e: AuditEntry): Promise<void> {
  await appendAuditBatch(tx, [e]);
}

const INSERT_COLUMNS = 'municipality_id, occurred_at, actor_user_id, actor_email, unit_id, role, action, subject_type, subject_id, categories, request_id, ip';

/**
 * Appends several rows (any municipalities) in one statement; as `appendAudit`. It names only the
 * columns the application role may insert: the chain's columns are the sealer's.
 */
export async function appendAuditBatch(tx: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values: unknown[] = [];
  const tuples = entries.map((e) => {
    const at = values.length;
    values.push(e.municipalityId, e.occurredAt.toISOString(), e.actorUserId, e.actorEmail, e.unitId, e.role, e.action, e.subjectType, e.subjectId, pgArray(e.categories), e.requestId, e.ip);
    return `(${Array.from({ length: 12 }, (_, i) => `$${at + i + 1}${CASTS[i]}`).join(', ')})`;
  });
  const text = `INSERT INTO audit_log (${INSERT_COLUMNS}) VALUES ${tuples.join(', ')}`;
  // A request writes one to a few rows: those statements are prepared once per connection.
  if (entries.length <= 8) await preparedRows(tx, `audit_insert_${entries.length}`, text, values);
  else await rows(tx, text, values);
}
const CASTS = ['::uuid', '::timestamptz', '::uuid', '', '::uuid', '', '', '', '', '::text[]', '', ''];

type UnsealedRow = {
  id: string | number;
  occurred_at: Date | string;
  actor_user_id: string | null;
  actor_email: string | null;
  unit_id: string | null;
  role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  categories: string[];
  request_id: string;
  ip: string | null;
};

/**
 * Chains up to `limit` committed, unsealed rows of one municipality in insertion order, in one
 * transaction under the chain head's row lock (so two sealers, in one process or several, never fork
 * the chain). Returns how many rows it sealed; call again while it returns `limit`.
 */
export async function sealAuditChain(database: Database, municipalityId: string, limit = 2000): Promise<number> {
  return database.tenantTransaction(municipalityId, null, async (tx) => {
    // The sealer runs after nearly every audited request: its statements are prepared.
    let head = await preparedRows<{ seq: string | number; hash: string }>(
      tx,
      'seal_head',
      'SELECT seq, hash FROM audit_chain_head WHERE municipality_id = $1 FOR UPDATE',
      [municipalityId],
    );
    if (head.length === 0) {
      await rows(tx, "INSERT INTO audit_chain_head (municipality_id, seq, hash) VALUES ($1, 0, '') ON CONFLICT DO NOTHING", [municipalityId]);
      head = await preparedRows(tx, 'seal_head', 'SELECT seq, hash FROM audit_chain_head WHERE municipality_id = $1 FOR UPDATE', [municipalityId]);
    }
    const pending = await preparedRows<UnsealedRow>(
      tx,
      'seal_pending',
      `SELECT id, occurred_at, actor_user_id, actor_email, unit_id, role, action, subject_type, subject_id, categories, request_id, ip
         FROM audit_log WHERE municipality_id = $1 AND seq IS NULL ORDER BY id LIMIT $2`,
      [municipalityId, limit],
    );
    if (pending.length === 0) return 0;
    let seq = Number(head[0]!.seq);
    let prevHash = head[0]!.hash;
    const ids: (string | number)[] = [];
    const seqs: number[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const r of pending) {
      seq += 1;
      const hash = auditHash(prevHash, seq, entryOf(municipalityId, r));
      ids.push(String(r.id));
      seqs.push(seq);
      prevs.push(prevHash);
      hashes.push(hash);
      prevHash = hash;
    }
    await preparedRows(
      tx,
      'seal_rows',
      `UPDATE audit_log a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
         FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[]) AS v(id, seq, prev_hash, hash)
        WHERE a.municipality_id = $1 AND a.id = v.id`,
      [municipalityId, pgArray(ids.map(String)), pgArray(seqs), pgArray(prevs), pgArray(hashes)],
    );
    await preparedRows(tx, 'seal_head_update', 'UPDATE audit_chain_head SET seq = $2, hash = $3 WHERE municipality_id = $1', [municipalityId, seq, prevHash]);
    return pending.length;
  });
}

/** Seals every committed row of one municipality. */
export async function sealAllOf(database: Database, municipalityId: string): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealAuditChain(database, municipalityId);
    total += n;
    if (n < 2000) return total;
  }
}

/** The municipalities that have committed, unsealed rows (read outside any tenant). */
export async function municipalitiesWithUnsealed(database: Database): Promise<string[]> {
  const r = await database.query<{ municipality_id: string }>('SELECT DISTINCT municipality_id FROM audit_log WHERE seq IS NULL');
  return r.map((x) => x.municipality_id);
}

function entryOf(municipalityId: string, r: UnsealedRow): AuditEntry {
  return {
    municipalityId,
    occurredAt: new Date(r.occurred_at),
    actorUserId: r.actor_user_id,
    actorEmail: r.actor_email,
    unitId: r.unit_id,
    role: r.role,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    categories: r.categories,
    requestId: r.request_id,
    ip: r.ip,
  };
}

/**
 * Runs the sealer after commits without making anyone wait: `kick` after a transaction that wrote
 * audit rows commits; one seal runs per municipality at a time and a kick during it runs one more
 * afterwards, so rows committed meanwhile are sealed in the next batch (under load, one seal chains
 * many requests' rows). A sweep every few seconds, at start and at close catches rows whose kick
 * was lost (a process that stopped between commit and seal, rows written outside a request).
 */
export class AuditSealer {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly database: Database,
    private readonly onError: (err: unknown) => void,
  ) {}

  kick(municipalityId: string): void {
    if (this.closed) return;
    if (this.running.has(municipalityId)) {
      this.again.add(municipalityId);
      return;
    }
    const run = (async () => {
      try {
        do {
          this.again.delete(municipalityId);
          await sealAllOf(this.database, municipalityId);
        } while (this.again.has(municipalityId) && !this.closed);
      } catch (err) {
        this.onError(err);
      } finally {
        this.running.delete(municipalityId);
      }
    })();
    this.running.set(municipalityId, run);
  }

  /** Seals everything committed so far for one municipality, waiting for a seal already running. */
  async sealNow(municipalityId: string): Promise<void> {
    await this.running.get(municipalityId);
    await sealAllOf(this.database, municipalityId);
  }

  /** Seals every municipality's committed rows. */
  async sweep(): Promise<void> {
    for (const m of await municipalitiesWithUnsealed(this.database)) {
      await this.running.get(m);
      await sealAllOf(this.database, m);
    }
  }

  start(everyMs: number): void {
    this.timer = setInterval(() => {
      this.sweep().catch(this.onError);
    }, everyMs);
    this.timer.unref();
  }

  /** Stops the timer, waits for running seals and seals what is left. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.closed = true;
    await Promise.allSettled([...this.running.values()]);
    await this.sweep().catch(this.onError);
  }
}

/** `unsealed`: committed rows not yet chained (they are chained within moments of their commit). */
export type ChainReport = { ok: boolean; checked: number; firstBrokenSeq: number | null; unsealed: number; reason?: string };

type Row = UnsealedRow & { municipality_id: string; seq: string | number; prev_hash: string; hash: string };

/**
 * Recomputes one municipality's chain from the first row and names the first row whose hash,
 * link or sequence number does not match (a changed, removed or inserted row).
 */
export async function verifyAuditChain(
  query: Database['query'],
  municipalityId: string,
  pageSize = 5000,
): Promise<ChainReport> {
  let prev = '';
  let expectedSeq = 1;
  let checked = 0;
  const [{ n }] = (await query<{ n: string | number }>(
    'SELECT count(*) AS n FROM audit_log WHERE municipality_id = $1 AND seq IS NULL',
    [municipalityId],
  )) as [{ n: string | number }];
  const unsealed = Number(n);
  for (;;) {
    const rows = await query<Row>(
      'SELECT * FROM audit_log WHERE municipality_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3',
      [municipalityId, expectedSeq, pageSize],
    );
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq, unsealed, reason: 'row missing' };
      const entry = entryOf(r.municipality_id, r);
      if (r.prev_hash !== prev) return { ok: false, checked, firstBrokenSeq: seq, unsealed, reason: 'link to previous row broken' };
      if (auditHash(prev, seq, entry) !== r.hash) return { ok: false, checked, firstBrokenSeq: seq, unsealed, reason: 'row content changed' };
      prev = r.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM audit_chain_head WHERE municipality_id = $1',
    [municipalityId],
  );
  const h = head[0];
  if (h && (Number(h.seq) !== checked || h.hash !== prev)) {
    return { ok: false, checked, firstBrokenSeq: checked + 1, unsealed, reason: 'rows after the last readable one are missing' };
  }
  return { ok: true, checked, firstBrokenSeq: null, unsealed };
}
