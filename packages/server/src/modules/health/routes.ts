import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.ts';
import { route } from '../../platform/http.ts';

export const APP_VERSION = '0.1.0';

export function registerHealth(app: FastifyInstance, deps: Deps): void {
  route(app, 'health', { secure: false }, async () => {
    await deps.database.query('SELECT 1');
    return {
      status: 'ok' as const,
      database: deps.database.kind,
      migration: deps.migration,
      embedded: deps.database.kind === 'pglite',
      version: APP_VERSION,
    };
  });
}
