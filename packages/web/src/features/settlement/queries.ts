import { queryOptions } from '@tanstack/react-query';
import type { PipelineStage } from '@eidor/domain';
import { apiFetch } from '../../api/client.ts';

/** Yearly numbers: no personal data, cached like any list. */
export const settlementYearsQuery = queryOptions({
  queryKey: ['settlement', 'years'],
  queryFn: ({ signal }) => apiFetch('listSettlementYears', { signal }),
});

export type PipelineFilter = { stage: PipelineStage | undefined; includeFinished: boolean };

/** The pipeline names households: an audited read, fetched fresh on each visit. */
export const pipelineQuery = (filter: PipelineFilter) =>
  queryOptions({
    queryKey: ['settlement', 'pipeline', filter],
    queryFn: ({ signal }) => apiFetch('listPipeline', { query: { stage: filter.stage, includeFinished: filter.includeFinished ? 'true' : 'false' }, signal }),
    staleTime: 0,
  });

/** A household's case (an audited read): fetched once per visit, replaced by what a save returns. */
export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: ['settlement', 'case', id],
    queryFn: ({ signal }) => apiFetch('getSettlementCase', { params: { id }, signal }),
    staleTime: Infinity,
  });

export const reunificationsQuery = queryOptions({
  queryKey: ['settlement', 'reunifications'],
  queryFn: ({ signal }) => apiFetch('listReunifications', { signal }),
  staleTime: 0,
});

export const checklistQuery = queryOptions({
  queryKey: ['settlement', 'checklist'],
  queryFn: ({ signal }) => apiFetch('getChecklistTemplate', { signal }),
});
