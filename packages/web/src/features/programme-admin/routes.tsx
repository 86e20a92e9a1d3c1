import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, redirect, useNavigate } from '@tanstack/react-router';
import { z } from 'zod';
import { Uuid } from '@eidor/contract';
import { addDays, osloDate } from '@eidor/domain';
import { ApiError, apiFetch } from '../../api/client.ts';
import { authedRoute, useSession } from '../../app/authed.tsx';
import { mondayOf } from './attendance-grid.ts';
import { AttendancePage } from './AttendancePage.tsx';
import { saveFile } from './money.ts';
import { PaymentRunPage } from './PaymentRunPage.tsx';
import { PaymentRunsPage } from './PaymentRunsPage.tsx';
import { attendanceWeekQuery, paymentRunQuery, paymentRunsQuery, resultsQuery } from './queries.ts';
import { ResultsPage } from './ResultsPage.tsx';

type Ctx = { context: { session: { permissions: readonly string[]; assignments: readonly { role: string }[] } } };
const mayPay = (p: readonly string[]) => p.includes('payments.prepare') || p.includes('payments.approve');
/** Roles that read programme data: for everyone, or (partners) for the people on their teams. */
const READERS = ['advisor', 'settlement_officer', 'grant_coordinator', 'leader', 'partner'];
const readsProgramme = (c: Ctx['context']) => c.session.assignments.some((a) => READERS.includes(a.role));

/** The week grid: those who read programme data; finance goes on to the payment runs. */
function requireAttendance({ context }: Ctx) {
  if (readsProgramme(context)) return;
  throw redirect({ to: mayPay(context.session.permissions) ? '/programme/payments' : '/' });
}
/** Results and NIR read every participant: partners (team only) are not shown them. */
function requireResults({ context }: Ctx) {
  if (!context.session.assignments.some((a) => READERS.includes(a.role) && a.role !== 'partner')) throw redirect({ to: '/' });
}
function requirePayments({ context }: Ctx) {
  if (!mayPay(context.session.permissions)) throw redirect({ to: '/' });
}

const AttendanceSearch = z.object({
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  unit: Uuid.optional().catch(undefined),
});

// ---------- /programme: the week grid ----------

export const attendanceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/programme',
  validateSearch: AttendanceSearch,
  beforeLoad: requireAttendance,
  loaderDeps: ({ search }) => ({ week: search.week, unit: search.unit }),
  loader: ({ context, deps }) => context.queryClient.fetchQuery(attendanceWeekQuery(mondayOf(deps.week ?? osloDate(new Date())), deps.unit)),
  component: function AttendanceRoute() {
    const search = attendanceRoute.useSearch();
    const navigate = useNavigate();
    const queryClient = useQueryClient();
    const weekStart = mondayOf(search.week ?? osloDate(new Date()));
    const { data } = useSuspenseQuery(attendanceWeekQuery(weekStart, search.unit));
    return (
      <AttendancePage
        key={`${weekStart}:${search.unit ?? ''}`}
        week={data}
        unitId={search.unit}
        onWeek={(week) => void navigate({ to: '/programme', search: { week, unit: search.unit } })}
        onGroup={(unit) => void navigate({ to: '/programme', search: { week: search.week, unit } })}
        onSave={async (request) => {
          const saved = await apiFetch('saveAttendanceWeek', { body: request });
          queryClient.removeQueries({ queryKey: ['programmeAdmin', 'paymentRun'] });
          return saved;
        }}
      />
    );
  },
});

// ---------- /programme/payments ----------

export const paymentRunsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/programme/payments',
  beforeLoad: requirePayments,
  loader: ({ context }) => context.queryClient.fetchQuery(paymentRunsQuery),
  component: function PaymentRunsRoute() {
    const navigate = useNavigate();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(paymentRunsQuery);
    const lastMonth = addDays(`${osloDate(new Date()).slice(0, 7)}-01`, -1).slice(0, 7);
    return (
      <PaymentRunsPage
        runs={data}
        suggestedMonth={lastMonth}
        onPrepare={async (month) => {
          const run = await apiFetch('preparePaymentRun', { body: { month } });
          queryClient.setQueryData(paymentRunQuery(run.id).queryKey, run);
          await queryClient.invalidateQueries({ queryKey: paymentRunsQuery.queryKey });
          await navigate({ to: '/programme/payments/$id', params: { id: run.id } });
          return run;
        }}
      />
    );
  },
});

export const paymentRunRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/programme/payments/$id',
  beforeLoad: requirePayments,
  loader: ({ context, params }) => {
    if (!Uuid.safeParse(params.id).success) throw new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Not found' });
    return context.queryClient.ensureQueryData(paymentRunQuery(params.id));
  },
  component: function PaymentRunRoute() {
    const { id } = paymentRunRoute.useParams();
    const session = useSession();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(paymentRunQuery(id));
    const key = paymentRunQuery(id).queryKey;
    const mayApprove = session.permissions.includes('payments.approve');
    return (
      <PaymentRunPage
        run={data}
        mayApprove={mayApprove}
        // The server allows approval to anyone with the permission except the one who prepared the run.
        preparedByMe={mayApprove && data.status === 'prepared' && !data.can.approve}
        onApprove={async (decisionsMade) => {
          const run = await apiFetch('approvePaymentRun', { params: { id }, body: { version: data.version, decisionsMade } });
          queryClient.setQueryData(key, run);
          queryClient.removeQueries({ queryKey: paymentRunsQuery.queryKey });
          return run;
        }}
        onExport={async () => {
          const file = await apiFetch('exportPaymentRun', { params: { id }, body: { version: data.version, decisionsMade: false } });
          saveFile(file.csv, file.filename);
          await queryClient.fetchQuery({ ...paymentRunQuery(id), staleTime: 0 });
          queryClient.removeQueries({ queryKey: paymentRunsQuery.queryKey });
          return file;
        }}
        onPrepareAgain={async () => {
          const run = await apiFetch('preparePaymentRun', { body: { month: data.month } });
          queryClient.setQueryData(key, run);
          return run;
        }}
        onReload={async () => {
          await queryClient.fetchQuery({ ...paymentRunQuery(id), staleTime: 0 });
        }}
      />
    );
  },
});

// ---------- /programme/results ----------

export const resultsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/programme/results',
  beforeLoad: requireResults,
  loader: ({ context }) => context.queryClient.fetchQuery(resultsQuery),
  component: function ResultsRoute() {
    const { data } = useSuspenseQuery(resultsQuery);
    return (
      <ResultsPage
        results={data}
        onExport={async () => {
          const file = await apiFetch('nirExport');
          saveFile(file.csv, file.filename);
          return file;
        }}
        onCompare={(csv) => apiFetch('nirCompare', { body: { csv } })}
      />
    );
  },
});

export const programmeAdminRoutes = [attendanceRoute, paymentRunsRoute, paymentRunRoute, resultsRoute];
