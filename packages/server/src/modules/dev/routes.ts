import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { latestMails } from '../../platform/mail.ts';

/** The development mailbox: shows the outbox so invitations can be followed without SMTP. */
export function registerDev(app: FastifyInstance, deps: Deps): void {
  route(app, 'devMailbox', { secure: false }, async () => {
    if (deps.config.env === 'production') throw new AppError('NOT_FOUND', 'Not found');
    const rows = await latestMails(deps.database.db);
    return {
      items: rows.map((m) => ({ id: m.id, to: m.toAddress, subject: m.subject, body: m.body, createdAt: m.createdAt.toISOString() })),
    };
  });
}
