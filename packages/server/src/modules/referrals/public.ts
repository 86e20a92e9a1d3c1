// What other modules may use of the referrals module (they never touch its tables).
export { referralsForPage } from './referrals.ts';
