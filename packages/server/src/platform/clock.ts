/** The source of "now" for the server; tests replace it to move time. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
