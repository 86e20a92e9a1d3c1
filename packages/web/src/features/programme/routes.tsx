import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, type ErrorComponentProps } from '@tanstack/react-router';
import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Uuid } from '@eidor/contract';
import { ApiError, apiFetch, isApiError } from '../../api/client.ts';
import { authedRoute, useSession } from '../../app/authed.tsx';
import { RouteErrorPage } from '../../app/root.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { unitsQuery } from '../admin/units/queries.ts';
import { personQuery } from '../people/queries.ts';
import { ProgrammePage } from './ProgrammePage.tsx';
import { fetchLetter, otherBenefitsQuery, overpaymentsQuery, plansQuery, programmeQuery, saveFile } from './queries.ts';

/** An id that is not a uuid cannot name a person: answer as the server would for one the user may not see. */
function assertId(id: string): void {
  if (!Uuid.safeParse(id).success) throw new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Not found' });
}

// ---------- /people/$id/programme ----------

export const personProgrammeRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/people/$id/programme',
  // Every opening is one audited read of the programme; the person comes from memory when the user
  // arrives from the person's page.
  loader: async ({ context, params }) => {
    assertId(params.id);
    await Promise.all([context.queryClient.ensureQueryData(personQuery(params.id)), context.queryClient.fetchQuery({ ...programmeQuery(params.id), staleTime: 0 })]);
  },
  errorComponent: (props) => <ProgrammeErrorPage {...props} />,
  component: function PersonProgrammeRoute() {
    const { id } = personProgrammeRoute.useParams();
    const session = useSession();
    const queryClient = useQueryClient();
    const { data: person } = useSuspenseQuery(personQuery(id));
    const { data: view } = useSuspenseQuery(programmeQuery(id));
    const economyAbility = person.can.categories.economy;
    const mayReadEconomy = economyAbility?.read === true;
    const plans = useQuery({ ...plansQuery(id), staleTime: 0, refetchOnWindowFocus: false });
    const others = useQuery({ ...otherBenefitsQuery(id), enabled: mayReadEconomy, staleTime: 0, refetchOnWindowFocus: false });
    const overpayments = useQuery({ ...overpaymentsQuery(id), enabled: mayReadEconomy, staleTime: 0, refetchOnWindowFocus: false });
    const units = useQuery({ ...unitsQuery, enabled: session.permissions.includes('units.read') }).data?.items.filter((u) => u.active) ?? [];
    const i = person.identity;
    return (
      <ProgrammePage
        key={id}
        personId={id}
        personName={i ? `${i.givenName} ${i.familyName}` : null}
        view={view}
        plans={{ data: plans.data, error: plans.error }}
        economy={
          mayReadEconomy
            ? { canEdit: economyAbility?.write === true, otherBenefits: { data: others.data, error: others.error }, overpayments: { data: overpayments.data, error: overpayments.error } }
            : null
        }
        units={units}
        onSave={async (fields) => {
          const saved = await apiFetch('putProgramme', { params: { id }, body: { fields, version: view.version } });
          queryClient.setQueryData(programmeQuery(id).queryKey, saved);
        }}
        onReload={async () => {
          await queryClient.fetchQuery({ ...programmeQuery(id), staleTime: 0 });
        }}
        onDraftPlan={async (draft) => {
          await apiFetch('draftPlan', { params: { id }, body: draft });
          await queryClient.fetchQuery({ ...plansQuery(id), staleTime: 0 });
        }}
        onAdoptPlan={async (plan, adopt) => {
          await apiFetch('adoptPlan', { params: { id: plan.id }, body: { ...adopt, version: plan.version } });
          await queryClient.fetchQuery({ ...plansQuery(id), staleTime: 0 });
        }}
        onReloadPlans={async () => {
          await queryClient.fetchQuery({ ...plansQuery(id), staleTime: 0 });
        }}
        loadBenefit={(month) => apiFetch('getBenefit', { params: { id }, query: { month } })}
        onSaveOtherBenefits={async (items) => {
          const saved = await apiFetch('putOtherBenefits', { params: { id }, body: { items } });
          queryClient.setQueryData(otherBenefitsQuery(id).queryKey, saved);
        }}
        onCreateOverpayment={async (o) => {
          const saved = await apiFetch('createOverpayment', { params: { id }, body: o });
          queryClient.setQueryData(overpaymentsQuery(id).queryKey, saved);
        }}
        onDownloadLetter={async (letter) => {
          const { blob, filename } = await fetchLetter(id, letter);
          saveFile(blob, filename);
        }}
      />
    );
  },
});

/** A person that does not exist or whose programme the user may not see: the server answers 404 for both. */
function ProgrammeErrorPage(props: ErrorComponentProps) {
  const { t } = useTranslation();
  if (!(isApiError(props.error) && (props.error.status === 404 || props.error.status === 403))) return <RouteErrorPage {...props} />;
  return (
    <>
      <PageHeading>{t('programme.notFound.title')}</PageHeading>
      <Paragraph>{t('programme.notFound.body')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/people">{t('people.notFound.back')}</Link>
        </DsLink>
      </Paragraph>
    </>
  );
}

export const programmeRoutes = [personProgrammeRoute];
