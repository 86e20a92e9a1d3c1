import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { Uuid } from '@eidor/contract';
import { ApiError, apiFetch } from '../../api/client.ts';
import { authedRoute } from '../../app/authed.tsx';
import { personQuery } from '../people/queries.ts';
import { GroupsPage } from './GroupsPage.tsx';
import { groupsQuery } from './queries.ts';

export const groupsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/people/$id/groups',
  // Every opening is one audited read of the groups.
  loader: async ({ context, params }) => {
    if (!Uuid.safeParse(params.id).success) throw new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Not found' });
    await Promise.all([context.queryClient.ensureQueryData(personQuery(params.id)), context.queryClient.fetchQuery({ ...groupsQuery(params.id), staleTime: 0 })]);
  },
  component: function GroupsRoute() {
    const { id } = groupsRoute.useParams();
    const queryClient = useQueryClient();
    const { data: person } = useSuspenseQuery(personQuery(id));
    const { data: view } = useSuspenseQuery(groupsQuery(id));
    const i = person.identity;
    const reload = async () => {
      await queryClient.fetchQuery({ ...groupsQuery(id), staleTime: 0 });
    };
    return (
      <GroupsPage
        key={id}
        personId={id}
        personName={i ? `${i.givenName} ${i.familyName}` : null}
        view={view}
        onCreate={async (body) => {
          await apiFetch('createGroup', { params: { id }, body });
          await reload();
        }}
        onRecordMeeting={async (groupId, body) => {
          await apiFetch('createGroupMeeting', { params: { id: groupId }, body });
          await reload();
        }}
        onActionPointStatus={async (pointId, body) => {
          await apiFetch('setGroupActionPointStatus', { params: { id: pointId }, body });
          await reload();
        }}
      />
    );
  },
});

export const groupsRoutes = [groupsRoute];
