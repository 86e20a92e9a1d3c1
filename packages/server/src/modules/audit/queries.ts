import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

export type AuditFilter = { actorId?: string; action?: string; subjectId?: string; from?: string; to?: string };

export async function searchAudit(tx: Db, municipalityId: string, f: AuditFilter, page: number, pageSize: number) {
  const where: SQL[] = [eq(auditLog.municipalityId, municipalityId)];
  if (f.actorId) where.push(eq(auditLog.actorUserId, f.actorId));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.subjectId) where.push(eq(auditLog.subjectId, f.subjectId));
  // Dates are calendar days in Norwegian time; `to` is inclusive.
  if (f.from) where.push(gte(auditLog.occurredAt, new Date(`${f.from}T00:00:00+01:00`)));
  if (f.to) where.push(lt(auditLog.occurredAt, new Date(new Date(`${f.to}T00:00:00+01:00`).getTime() + 86_400_000)));
  const cond = and(...where);
  const [rows, totals] = await Promise.all([
    tx.select().from(auditLog).where(cond).orderBy(desc(auditLog.id)).limit(pageSize).offset((page - 1) * pageSize),
    tx.select({ n: count() }).from(auditLog).where(cond),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}
