import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { Uuid } from '@eidor/contract';
import { ApiError, apiFetch } from '../../api/client.ts';
import { authedRoute } from '../../app/authed.tsx';
import { journalQuery } from '../journal/queries.ts';
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
        onAddMember={async (groupId, body) => {
          await apiFetch('addGroupMember', { params: { id: groupId }, body });
          await reload();
        }}
        onEndMember={async (memberId, body) => {
          await apiFetch('endGroupMember', { params: { id: memberId }, body });
          await reload();
        }}
        onSetCoordinator={async (groupId, body) => {
          await apiFetch('setGroupCoordinator', { params: { id: groupId }, body });
          await reload();
        }}
        onCloseGroup={async (groupId, body) => {
          await apiFetch('closeGroup', { params: { id: groupId }, body });
          await reload();
        }}
        onRecordMeeting={async (groupId, body) => {
          await apiFetch('createGroupMeeting', { params: { id: groupId }, body });
          await reload();
        }}
        onUpdateMeeting={async (meetingId, body) => {
          await apiFetch('updateGroupMeeting', { params: { id: meetingId }, body });
          await reload();
        }}
        onAddActionPoint={async (meetingId, body) => {
          await apiFetch('createGroupActionPoint', { params: { id: meetingId }, body });
          await reload();
        }}
        onActionPointStatus={async (pointId, body) => {
          await apiFetch('setGroupActionPointStatus', { params: { id: pointId }, body });
          await reload();
        }}
        onReload={reload}
        // The journal's interpreter records (an audited journal read), fetched when a meeting form opens.
        loadInterpreters={async () => (await queryClient.fetchQuery({ ...journalQuery(id), staleTime: 0 })).interpreters}
      />
    );
  },
});

export const groupsRoutes = [groupsRoute];
