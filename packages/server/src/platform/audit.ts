import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client.ts';
import { auditChainHead, auditLog } from '../db/schema.ts';

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
 * Appends one row to the municipality's chain inside the caller's transaction. Incrementing the
 * chain head takes its row lock, so concurrent writers of one municipality line up and the chain
 * never forks; if anything here fails, the caller's whole transaction fails with it.
 */
export async function appendAudit(tx: Db, e: AuditEntry): Promise<number> {
  let head = await tx
    .update(auditChainHead)
    .set({ seq: sql`${auditChainHead.seq} + 1` })
    .where(eq(auditChainHead.municipalityId, e.municipalityId))
    .returning({ seq: auditChainHead.seq, prevHash: auditChainHead.hash });
  if (head.length === 0) {
    await tx.insert(auditChainHead).values({ municipalityId: e.municipalityId, seq: 0, hash: '' }).onConflictDoNothing();
    head = await tx
      .update(auditChainHead)
      .set({ seq: sql`${auditChainHead.seq} + 1` })
      .where(eq(auditChainHead.municipalityId, e.municipalityId))
      .returning({ seq: auditChainHead.seq, prevHash: auditChainHead.hash });
  }
  const { seq, prevHash } = head[0]!;
  const hash = auditHash(prevHash, seq, e);
  await tx.insert(auditLog).values({ ...e, seq, prevHash, hash });
  await tx.update(auditChainHead).set({ hash }).where(eq(auditChainHead.municipalityId, e.municipalityId));
  return seq;
}

/**
 * Appends several rows of one municipality in one go: the chain head is advanced once for all of
 * them (one row lock, three statements whatever the count), the hashes chained in order.
 */
export async function appendAuditBatch(tx: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const municipalityId = entries[0]!.municipalityId;
  if (entries.some((e) => e.municipalityId !== municipalityId)) throw new Error('appendAuditBatch: one municipality at a time');
  if (entries.length === 1) {
    await appendAudit(tx, entries[0]!);
    return;
  }
  let head = await tx
    .update(auditChainHead)
    .set({ seq: sql`${auditChainHead.seq} + ${entries.length}` })
    .where(eq(auditChainHead.municipalityId, municipalityId))
    .returning({ seq: auditChainHead.seq, prevHash: auditChainHead.hash });
  if (head.length === 0) {
    await tx.insert(auditChainHead).values({ municipalityId, seq: 0, hash: '' }).onConflictDoNothing();
    head = await tx
      .update(auditChainHead)
      .set({ seq: sql`${auditChainHead.seq} + ${entries.length}` })
      .where(eq(auditChainHead.municipalityId, municipalityId))
      .returning({ seq: auditChainHead.seq, prevHash: auditChainHead.hash });
  }
  let seq = Number(head[0]!.seq) - entries.length;
  let prevHash = head[0]!.prevHash;
  const rows = entries.map((e) => {
    seq += 1;
    const hash = auditHash(prevHash, seq, e);
    const row = { ...e, seq, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditLog).values(rows);
  await tx.update(auditChainHead).set({ hash: prevHash }).where(eq(auditChainHead.municipalityId, municipalityId));
}

export type ChainReport = { ok: boolean; checked: number; firstBrokenSeq: number | null; reason?: string };

type Row = {
  municipality_id: string;
  seq: string | number;
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
  prev_hash: string;
  hash: string;
};

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
  for (;;) {
    const rows = await query<Row>(
      'SELECT * FROM audit_log WHERE municipality_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3',
      [municipalityId, expectedSeq, pageSize],
    );
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: 'row missing' };
      const entry: AuditEntry = {
        municipalityId: r.municipality_id,
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
      if (r.prev_hash !== prev) return { ok: false, checked, firstBrokenSeq: seq, reason: 'link to previous row broken' };
      if (auditHash(prev, seq, entry) !== r.hash) return { ok: false, checked, firstBrokenSeq: seq, reason: 'row content changed' };
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
    return { ok: false, checked, firstBrokenSeq: checked + 1, reason: 'rows after the last readable one are missing' };
  }
  return { ok: true, checked, firstBrokenSeq: null };
}
