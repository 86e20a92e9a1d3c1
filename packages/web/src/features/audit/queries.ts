import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/client.ts';

/** Filters of the audit log, as the contract's query takes them (all optional). */
export type AuditFilters = { actorId?: string; action?: string; subjectId?: string; from?: string; to?: string };

export const AUDIT_PAGE_SIZE = 50;

export const auditQuery = (filters: AuditFilters, page: number) =>
  queryOptions({
    queryKey: ['audit', filters, page],
    queryFn: ({ signal }) => apiFetch('listAudit', { query: { ...filters, page, pageSize: AUDIT_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
