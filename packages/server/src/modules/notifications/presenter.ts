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

export function decodeCursor(s: string): { at: string; id: string } | null {
  const [at, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { at, id };
}
