/**
 * A message for the next page, kept in memory only (never in history state or storage): "the person
 * is registered" is shown on the person's page after the form navigates there.
 */
export type Flash = 'registered' | 'saved';

const messages = new Map<string, Flash>();

export function setFlash(key: string, flash: Flash): void {
  messages.set(key, flash);
}

/** The message for `key`, if any; it stays until cleared (a render may run twice in development). */
export function peekFlash(key: string): Flash | undefined {
  return messages.get(key);
}

export function clearFlash(key: string): void {
  messages.delete(key);
}
