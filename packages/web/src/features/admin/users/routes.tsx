import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { apiFetch } from '../../../api/client.ts';
import { authedRoute, useSession } from '../../../app/authed.tsx';
import { unitsQuery } from '../units/queries.ts';
import { usersQuery } from './queries.ts';
import { UsersPage } from './UsersPage.tsx';

export const usersRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/admin/users',
  loader: async ({ context }) => {
    // Units are needed for the role pickers, and only readable with units.read.
    const units = context.session.permissions.includes('units.read') ? context.queryClient.ensureQueryData(unitsQuery) : null;
    await Promise.all([context.queryClient.ensureQueryData(usersQuery), units]);
  },
  component: function UsersRoute() {
    const session = useSession();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(usersQuery);
    const units = useQuery({ ...unitsQuery, enabled: session.permissions.includes('units.read') }).data;
    const reload = async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
        queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey }),
      ]);
    };
    const saved = async <T,>(result: Promise<T>): Promise<T> => {
      const value = await result;
      await queryClient.invalidateQueries({ queryKey: usersQuery.queryKey });
      return value;
    };
    return (
      <UsersPage
        municipalityName={session.municipality.name}
        users={data.items}
        units={units?.items ?? []}
        canInvite={data.can.invite}
        onInvite={(body) => saved(apiFetch('inviteUser', { body }))}
        onSetRoles={(user, roles) => saved(apiFetch('setUserRoles', { params: { id: user.id }, body: { roles, version: user.version } }))}
        onSetEnabled={(user, enabled) =>
          saved(apiFetch(enabled ? 'enableUser' : 'disableUser', { params: { id: user.id }, body: { version: user.version } }))
        }
        onReload={reload}
      />
    );
  },
});
