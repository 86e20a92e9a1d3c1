export * from './rates.ts';
export * from './schedule.ts';
export * from './forecast.ts';
export * from './payment-list.ts';
export * from './reconcile.ts';
