export * from './absence.ts';
export * from './eligibility.ts';
export * from './length.ts';
export * from './complaint.ts';
export * from './outcomes.ts';
