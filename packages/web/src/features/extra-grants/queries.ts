import { queryOptions } from '@tanstack/react-query';
import { api } from '@eidor/contract';
import { ApiError, apiFetch } from '../../api/client.ts';

// Every read here is audited on the server (special-category data): fetched fresh on each visit.

export const casesQuery = queryOptions({
  queryKey: ['extra-grants', 'cases'],
  queryFn: ({ signal }) => apiFetch('listExtraGrantCases', { signal }),
  staleTime: 0,
});

export const suggestionsQuery = queryOptions({
  queryKey: ['extra-grants', 'suggestions'],
  queryFn: ({ signal }) => apiFetch('extraGrantSuggestions', { signal }),
  staleTime: 0,
});

export const extraGrantCaseQuery = (id: string) =>
  queryOptions({
    queryKey: ['extra-grants', 'case', id],
    queryFn: ({ signal }) => apiFetch('getExtraGrantCase', { params: { id }, signal }),
    staleTime: Infinity,
  });

export const unitsQuery = queryOptions({
  queryKey: ['extra-grants', 'units'],
  queryFn: ({ signal }) => apiFetch('listUnits', { signal }),
});

export const inboxQuery = queryOptions({
  queryKey: ['extra-grants', 'inbox'],
  queryFn: ({ signal }) => apiFetch('extraGrantInbox', { signal }),
  staleTime: 0,
});

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: ['extra-grants', 'request', id],
    queryFn: ({ signal }) => apiFetch('getExtraGrantRequest', { params: { id }, signal }),
    staleTime: Infinity,
  });

export type PdfRequest = { lang: 'nb' | 'nn'; document: 'application' | 'cost_report' };

/**
 * The application or the cost report as PDF. The endpoint answers a file, so it is fetched here rather
 * than with apiFetch. The URL holds the application's id, the language and the document kind only.
 */
export async function fetchApplicationPdf(applicationId: string, pdf: PdfRequest): Promise<{ blob: Blob; filename: string }> {
  const path = api.extraGrantApplicationPdf.path.replace(':id', encodeURIComponent(applicationId));
  let response: Response;
  try {
    response = await fetch(`${path}?${new URLSearchParams(pdf).toString()}`, { method: 'GET', credentials: 'same-origin', headers: { accept: 'application/pdf, application/json' } });
  } catch (error) {
    throw new ApiError({ code: 'NETWORK', status: 0, message: error instanceof Error ? error.message : 'Network error' });
  }
  if (!response.ok) {
    let body: { error?: { code?: string; message?: string; requestId?: string } } = {};
    try {
      body = (await response.json()) as typeof body;
    } catch {
      /* not JSON */
    }
    throw new ApiError({ code: (body.error?.code as 'INTERNAL') ?? 'INTERNAL', status: response.status, message: body.error?.message ?? response.statusText, requestId: body.error?.requestId });
  }
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'ekstratilskudd.pdf';
  return { blob: await response.blob(), filename };
}

/** Hands a file to the browser as a download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
