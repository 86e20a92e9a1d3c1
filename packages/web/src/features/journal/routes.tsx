import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Uuid } from '@eidor/contract';
import { ApiError, apiFetch, isApiError } from '../../api/client.ts';
import { authedRoute, useSession } from '../../app/authed.tsx';
import { RouteErrorPage } from '../../app/root.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { saveFile } from '../programme/queries.ts';
import { personQuery } from '../people/queries.ts';
import { JournalPage } from './JournalPage.tsx';
import { fetchDocument, journalQuery, uploadDocument } from './queries.ts';

function assertId(id: string): void {
  if (!Uuid.safeParse(id).success) throw new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Not found' });
}

export const journalRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/people/$id/journal',
  // Every opening is one audited read of the journal.
  loader: async ({ context, params }) => {
    assertId(params.id);
    await Promise.all([context.queryClient.ensureQueryData(personQuery(params.id)), context.queryClient.fetchQuery({ ...journalQuery(params.id), staleTime: 0 })]);
  },
  errorComponent: (props) => <JournalErrorPage {...props} />,
  component: function JournalRoute() {
    const { id } = journalRoute.useParams();
    const session = useSession();
    const queryClient = useQueryClient();
    const { data: person } = useSuspenseQuery(personQuery(id));
    const { data: view } = useSuspenseQuery(journalQuery(id));
    const i = person.identity;
    const reload = async () => {
      await queryClient.fetchQuery({ ...journalQuery(id), staleTime: 0 });
    };
    return (
      <JournalPage
        key={id}
        personId={id}
        personName={i ? `${i.givenName} ${i.familyName}` : null}
        view={view}
        onCreateNote={async (body) => {
          await apiFetch('createNote', { params: { id }, body });
          await reload();
        }}
        onCorrectNote={async (noteId, body) => {
          await apiFetch('correctNote', { params: { id: noteId }, body });
          await reload();
        }}
        onCreateInterpreter={async (body) => {
          await apiFetch('createInterpreterUse', { params: { id }, body });
          await reload();
        }}
        onUpdateInterpreter={async (interpreterId, body) => {
          await apiFetch('updateInterpreterUse', { params: { id: interpreterId }, body });
          await reload();
        }}
        onReload={reload}
        onUpload={async (file, category) => {
          await uploadDocument(id, file, category, session.csrfToken);
          await reload();
        }}
        onDownload={async (documentId, fileName) => {
          saveFile(await fetchDocument(documentId), fileName);
        }}
      />
    );
  },
});

/** A person who does not exist or is out of the user's reach: the server answers 404 for both. */
function JournalErrorPage(props: ErrorComponentProps) {
  const { t } = useTranslation();
  if (!(isApiError(props.error) && (props.error.status === 404 || props.error.status === 403))) return <RouteErrorPage {...props} />;
  return (
    <>
      <PageHeading>{t('people.notFound.title')}</PageHeading>
      <Paragraph>{t('people.notFound.body')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/people">{t('people.notFound.back')}</Link>
        </DsLink>
      </Paragraph>
    </>
  );
}

export const journalRoutes = [journalRoute];
