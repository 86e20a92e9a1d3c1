import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { apiFetch } from '../../api/client.ts';
import { authedRoute, useSession } from '../../app/authed.tsx';
import { usersQuery } from '../admin/users/queries.ts';
import { AuditPage } from './AuditPage.tsx';
import { auditQuery, type AuditFilters } from './queries.ts';

// Filters live in component state, not in the URL: ids of people do not belong in addresses or history.
export const auditRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/audit',
  loader: ({ context }) => context.queryClient.ensureQueryData(auditQuery({}, 1)),
  component: function AuditRoute() {
    const session = useSession();
    const [filters, setFilters] = useState<AuditFilters>({});
    const [page, setPage] = useState(1);
    const list = useQuery(auditQuery(filters, page));
    const canListUsers = session.permissions.includes('users.read');
    const users = useQuery({ ...usersQuery, enabled: canListUsers });
    const actors = canListUsers && users.data ? users.data.items.map((u) => ({ id: u.id, label: `${u.name} (${u.email})` })) : null;
    return (
      <AuditPage
        filters={filters}
        result={list.data}
        loading={list.isFetching}
        error={list.error}
        actors={actors}
        onFilter={(next) => {
          setFilters(next);
          setPage(1);
        }}
        onPage={setPage}
        onVerify={() => apiFetch('verifyAudit')}
      />
    );
  },
});
