import { queryOptions } from '@tanstack/react-query';
import { api, type LETTER_KINDS } from '@eidor/contract';
import { apiFetch, parseErrorResponse, ApiError } from '../../api/client.ts';

/**
 * A person's programme (eligibility, deadlines, decision). Every fetch is an audited read: the route
 * fetches once per visit and mutations replace the data, as for the person.
 */
export const programmeQuery = (id: string) =>
  queryOptions({
    queryKey: ['programme', 'person', id],
    queryFn: ({ signal }) => apiFetch('getProgramme', { params: { id }, signal }),
    staleTime: Infinity,
  });

export const plansQuery = (id: string) =>
  queryOptions({
    queryKey: ['programme', 'plans', id],
    queryFn: ({ signal }) => apiFetch('listPlans', { params: { id }, signal }),
    staleTime: Infinity,
  });

export const otherBenefitsQuery = (id: string) =>
  queryOptions({
    queryKey: ['programme', 'other-benefits', id],
    queryFn: ({ signal }) => apiFetch('getOtherBenefits', { params: { id }, signal }),
    staleTime: Infinity,
  });

export const overpaymentsQuery = (id: string) =>
  queryOptions({
    queryKey: ['programme', 'overpayments', id],
    queryFn: ({ signal }) => apiFetch('listOverpayments', { params: { id }, signal }),
    staleTime: Infinity,
  });

export type LetterKind = (typeof LETTER_KINDS)[number];
export type LetterRequest = { kind: LetterKind; lang: 'nb' | 'nn'; month?: string | undefined };

/**
 * A letter as PDF. The contract's endpoint answers a file, not JSON, so it is fetched here rather than
 * with apiFetch; errors are read the same way. The URL holds the person's id and the letter's kind and
 * language only: no personal data.
 */
export async function fetchLetter(personId: string, letter: LetterRequest): Promise<{ blob: Blob; filename: string }> {
  const path = api.programmeLetter.path.replace(':id', encodeURIComponent(personId)).replace(':kind', letter.kind);
  const query = new URLSearchParams({ lang: letter.lang });
  if (letter.month) query.set('month', letter.month);
  let response: Response;
  try {
    response = await fetch(`${path}?${query.toString()}`, { method: 'GET', credentials: 'same-origin', headers: { accept: 'application/pdf, application/json' } });
  } catch (error) {
    throw new ApiError({ code: 'NETWORK', status: 0, message: error instanceof Error ? error.message : 'Network error' });
  }
  if (!response.ok) throw await parseErrorResponse(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${letter.kind}-${letter.lang}.pdf`;
  return { blob: await response.blob(), filename };
}

/** Hand a file to the browser as a download, without putting it anywhere else. */
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
