import { queryOptions } from '@tanstack/react-query';
import { api, type JournalCategoryName, type ResponseOf } from '@eidor/contract';
import { ApiError, apiFetch, parseErrorResponse } from '../../api/client.ts';

/**
 * A person's journal. Every fetch is an audited read, so the cache never refetches on its own:
 * the route fetches once per visit, and each change fetches it again.
 */
export const journalQuery = (id: string) =>
  queryOptions({
    queryKey: ['journal', id],
    queryFn: ({ signal }) => apiFetch('personJournal', { params: { id }, signal }),
    staleTime: Infinity,
  });

const network = (error: unknown) => new ApiError({ code: 'NETWORK', status: 0, message: error instanceof Error ? error.message : 'Network error' });

/**
 * Uploads a document as the raw body. The file name goes in the `x-file-name` header (percent-encoded),
 * never in the URL; the category is the only query parameter. The server decides the type from the bytes.
 */
export async function uploadDocument(personId: string, file: File, category: JournalCategoryName, csrfToken: string): Promise<ResponseOf<'uploadDocument'>> {
  const url = `${api.uploadDocument.path.replace(':id', encodeURIComponent(personId))}?category=${encodeURIComponent(category)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': file.type && (api.uploadDocument.upload as readonly string[]).includes(file.type) ? file.type : 'application/octet-stream',
        'x-csrf-token': csrfToken,
        'x-file-name': encodeURIComponent(file.name),
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw network(error);
  }
  if (!response.ok) throw await parseErrorResponse(response);
  const parsed = api.uploadDocument.response.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ApiError({ code: 'BAD_RESPONSE', status: response.status, message: 'uploadDocument: response does not match the contract' });
  return parsed.data;
}

/** Fetches a document by its id (the download is audited by the server). */
export async function fetchDocument(documentId: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(api.downloadDocument.path.replace(':id', encodeURIComponent(documentId)), { method: 'GET', credentials: 'same-origin' });
  } catch (error) {
    throw network(error);
  }
  if (!response.ok) throw await parseErrorResponse(response);
  return response.blob();
}
