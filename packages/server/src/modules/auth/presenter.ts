import type { z } from 'zod';
import type { SessionView } from '@eidor/contract';
import { permissionsOf } from '@eidor/domain';
import type { LoadedSession } from '../../platform/sessions.ts';

/** The session as the client sees it: who, where, which roles, what they may do. */
export function presentSession(
  s: Pick<LoadedSession, 'user' | 'actor' | 'assignments' | 'csrfToken' | 'authMethod' | 'absoluteExpiresAt'>,
  municipality: { id: string; name: string; number: string },
): z.output<typeof SessionView> {
  return {
    user: { id: s.user.id, email: s.user.email, name: s.user.name, totpEnabled: s.user.totpEnabled },
    municipality: { id: municipality.id, name: municipality.name, number: municipality.number },
    assignments: s.assignments,
    permissions: permissionsOf(s.actor),
    csrfToken: s.csrfToken,
    authMethod: s.authMethod,
    expiresAt: s.absoluteExpiresAt.toISOString(),
  };
}
