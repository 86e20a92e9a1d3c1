import type { NotificationViewT } from '@eidor/contract';
import type { NotificationRow } from './queries.ts';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** One notification as its recipient sees it; `names` holds only the people the reader may see. */
export function presentNotification(n: NotificationRow, names: ReadonlyMap<string, string>): NotificationViewT {
  const params = typeof n.params === 'string' ? (JSON.parse(n.params) as Record<string, string>) : n.params;
  const name = n.person_id ? names.get(n.person_id) : undefined;
  return {
    id: n.id,
    kind: n.kind,
    params,
    link: n.link,
    createdAt: iso(n.created_at),
    read: n.read_at !== null,
    person: n.person_id && name ? { id: n.person_id, name } : null,
    aboutPerson: n.person_id !== null,
  };
}

/** The opaque cursor of the next page: the last item's time and id. */
export const encodeCursor = (n: NotificationRow) => Buffer.from(`${iso(n.created_at)}|${n.id}`).toString('base64url');

/** Only what `encodeCursor` writes: a full ISO timestamp (as `toISOString` gives it) and a uuid; else null (400). */
export function decodeCursor(s: string): { at: string; id: string } | null {
  const [at, id, ...rest] = Buffer.from(s, 'base64url').toString('utf8').split('|');
  if (!at || !id || rest.length > 0) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) || Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return { at, id };
}
