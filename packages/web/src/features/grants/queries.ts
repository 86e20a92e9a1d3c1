import { queryOptions } from '@tanstack/react-query';
import { api, type BodyOf, type ReconciliationReason } from '@eidor/contract';
import type { z } from 'zod';
import { ApiError, apiFetch, apiUpload, parseErrorResponse } from '../../api/client.ts';

/** The overview names people only in deadlines: fetched fresh on each visit. */
export const overviewQuery = (year: number | undefined) =>
  queryOptions({
    queryKey: ['grants', 'overview', year ?? null],
    queryFn: ({ signal }) => apiFetch('grantOverview', { query: year ? { year } : {}, signal }),
    staleTime: 0,
  });

export const ratesQuery = queryOptions({ queryKey: ['grants', 'rates'], queryFn: ({ signal }) => apiFetch('grantRates', { signal }) });
export const settingsQuery = queryOptions({ queryKey: ['grants', 'settings'], queryFn: ({ signal }) => apiFetch('grantSettings', { signal }) });

/** A person's schedule is an audited read of economy data. */
export const personGrantsQuery = (id: string) =>
  queryOptions({ queryKey: ['grants', 'person', id], queryFn: ({ signal }) => apiFetch('personGrants', { params: { id }, signal }), staleTime: 0 });

export type ForecastBody = BodyOf<'grantForecast'>;
export const forecastQuery = (body: ForecastBody) =>
  queryOptions({ queryKey: ['grants', 'forecast', body], queryFn: ({ signal }) => apiFetch('grantForecast', { body, signal }), staleTime: 0 });

export const paymentListsQuery = queryOptions({ queryKey: ['grants', 'payment-lists'], queryFn: ({ signal }) => apiFetch('listPaymentLists', { signal }), staleTime: 0 });

export type DifferencesFilter = { year: number; reason: z.output<typeof ReconciliationReason> | undefined; offset: number; limit: number };
export const reconciliationQuery = (f: DifferencesFilter) =>
  queryOptions({
    queryKey: ['grants', 'reconciliation', f],
    queryFn: ({ signal }) => apiFetch('grantReconciliation', { query: { year: f.year, reason: f.reason, offset: f.offset, limit: f.limit }, signal }),
    staleTime: 0,
  });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the server expects for a chosen file: XLSX by name or type, else CSV. */
export function uploadType(file: { name: string; type: string }): string {
  return file.type === XLSX || /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv';
}

export type ImportRequest = { file: File; dryRun: boolean; mode: 'all' | 'valid_only' };

/** Send IMDi's payment list as the raw body (CSV or XLSX). */
export function importPaymentList({ file, dryRun, mode }: ImportRequest) {
  return apiUpload('importPaymentList', file, uploadType(file), { query: { dryRun: dryRun ? 'true' : 'false', mode } });
}

/** The change-request worksheet (XLSX). The URL holds the year only. */
export async function fetchWorksheet(year: number): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(`${api.exportReconciliation.path}?year=${year}`, { method: 'GET', credentials: 'same-origin', headers: { accept: `${XLSX}, application/json` } });
  } catch (error) {
    throw new ApiError({ code: 'NETWORK', status: 0, message: error instanceof Error ? error.message : 'Network error' });
  }
  if (!response.ok) throw await parseErrorResponse(response);
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `imdi-endringsforesporsler-${year}.xlsx`;
  return { blob: await response.blob(), filename };
}
