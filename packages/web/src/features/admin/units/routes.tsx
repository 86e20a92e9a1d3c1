import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { apiFetch } from '../../../api/client.ts';
import { authedRoute, useSession } from '../../../app/authed.tsx';
import { unitsQuery } from './queries.ts';
import { UnitsPage } from './UnitsPage.tsx';

export const unitsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/admin/units',
  loader: ({ context }) => context.queryClient.ensureQueryData(unitsQuery),
  component: function UnitsRoute() {
    const session = useSession();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(unitsQuery);
    const reload = () => queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey });
    return (
      <UnitsPage
        municipalityName={session.municipality.name}
        units={data.items}
        canCreate={data.can.create}
        onCreate={async (body) => {
          const unit = await apiFetch('createUnit', { body });
          await reload();
          return unit;
        }}
        onUpdate={async (unit, changes) => {
          const saved = await apiFetch('updateUnit', { params: { id: unit.id }, body: { ...changes, version: unit.version } });
          await reload();
          return saved;
        }}
        onReload={reload}
      />
    );
  },
});
