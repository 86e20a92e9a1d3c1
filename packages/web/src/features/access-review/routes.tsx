import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { apiDownload, apiFetch } from '../../api/client.ts';
import { authedRoute, useSession } from '../../app/authed.tsx';
import { unitsQuery } from '../admin/units/queries.ts';
import { usersQuery } from '../admin/users/queries.ts';
import { saveFile } from '../programme/queries.ts';
import { AccessReviewPage, type ReviewFilter } from './AccessReviewPage.tsx';

const PAGE_SIZE = 50;

/** The last 30 days up to today (Norwegian time), the first selection. */
function lastMonth(): ReviewFilter {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const from = new Date(Date.parse(`${today}T12:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  return { from, to: today };
}

// The selection lives in component state and request bodies, never in the URL: a person is chosen by
// an opaque id and travels only in POST bodies.
export const accessReviewRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/access-review',
  component: function AccessReviewRoute() {
    const session = useSession();
    const queryClient = useQueryClient();
    const [filter, setFilter] = useState<ReviewFilter>(lastMonth);
    const [page, setPage] = useState(1);
    const [showAll, setShowAll] = useState(false);
    const patternFilter = { from: filter.from, to: filter.to, ...(filter.userId ? { userId: filter.userId } : {}), ...(filter.unitId ? { unitId: filter.unitId } : {}) };
    const reads = useQuery({
      queryKey: ['access-review', 'reads', filter, page],
      queryFn: ({ signal }) => apiFetch('accessReviewReads', { body: { filter, page, pageSize: PAGE_SIZE }, signal }),
      placeholderData: keepPreviousData,
    });
    const summary = useQuery({ queryKey: ['access-review', 'summary', filter], queryFn: ({ signal }) => apiFetch('accessReviewSummary', { body: { filter }, signal }) });
    const patterns = useQuery({
      queryKey: ['access-review', 'patterns', patternFilter],
      queryFn: ({ signal }) => apiFetch('accessReviewPatterns', { body: { filter: patternFilter }, signal }),
      placeholderData: keepPreviousData,
    });
    const thresholds = useQuery({ queryKey: ['access-review', 'thresholds'], queryFn: ({ signal }) => apiFetch('accessReviewThresholds', { signal }) });
    const glass = useQuery({
      queryKey: ['access-review', 'break-glass', showAll],
      queryFn: ({ signal }) => apiFetch('breakGlassReviews', { query: { status: showAll ? 'all' : 'unreviewed' }, signal }),
    });
    const users = useQuery(usersQuery);
    const units = useQuery(unitsQuery);
    return (
      <AccessReviewPage
        filter={filter}
        users={(users.data?.items ?? []).map((u) => ({ id: u.id, label: `${u.name} (${u.email})` }))}
        units={(units.data?.items ?? []).map((u) => ({ id: u.id, label: u.name }))}
        reads={{ data: reads.data, loading: reads.isFetching, error: reads.error }}
        summary={{ data: summary.data, error: summary.error }}
        patterns={{ data: patterns.data, loading: patterns.isFetching, error: patterns.error }}
        thresholds={thresholds.data}
        glass={{ data: glass.data, error: glass.error, showAll }}
        canManage={session.permissions.includes('audit.review')}
        onFilter={(f) => {
          setFilter(f);
          setPage(1);
        }}
        onPage={setPage}
        onFindPeople={async (name) => (await apiFetch('accessReviewPeople', { body: { name } })).items.map((p) => ({ id: p.id, label: p.birthYear ? `${p.name} (${p.birthYear})` : p.name }))}
        onExport={async (what, format) => {
          const { blob, fileName } = await apiDownload('accessReviewExport', {
            body: what === 'reads' ? { what, format, filter } : { what, format, filter: patternFilter },
          });
          const name = fileName ?? `tilgangskontroll.${format}`;
          saveFile(blob, name);
          return name;
        }}
        onSaveThresholds={async (t) => {
          await apiFetch('putAccessReviewThresholds', { body: t });
          await queryClient.invalidateQueries({ queryKey: ['access-review'] });
        }}
        onShowAllGlass={setShowAll}
        onReview={async (id, note) => {
          await apiFetch('reviewBreakGlass', { params: { id }, body: { note } });
          await queryClient.invalidateQueries({ queryKey: ['access-review'] });
        }}
      />
    );
  },
});
