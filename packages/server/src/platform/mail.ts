import { desc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema.ts';

/**
 * Puts a mail in the outbox, in the caller's transaction, so a mail exists exactly when the change
 * that caused it committed. A delivery worker sends it when SMTP is configured; in development the
 * dev mailbox page shows it.
 */
export async function enqueueMail(
  tx: Db,
  mail: { municipalityId: string; to: string; subject: string; body: string; now: Date },
): Promise<void> {
  await tx.insert(outbox).values({ municipalityId: mail.municipalityId, toAddress: mail.to, subject: mail.subject, body: mail.body, createdAt: mail.now });
}

/** The newest mails, for the development mailbox. */
export const latestMails = (db: Db, limit = 50) => db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
