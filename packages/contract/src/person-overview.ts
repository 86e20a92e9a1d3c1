import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';
import { JournalCategory } from './journal.ts';
import { PersonView } from './people.ts';
import { IdParams } from './platform.ts';
import { ReferralView } from './referrals.ts';

/** How many of the newest notes the person page shows, and how much of each. */
export const OVERVIEW_LIMITS = { notes: 5, excerptChars: 300 } as const;

/** A note on the person page: its current text, shortened. The journal page has every version. */
export const NoteSummary = z.object({
  id: Uuid,
  category: JournalCategory,
  meetingDate: z.string().nullable(),
  createdAt: IsoDateTime,
  createdBy: z.string().nullable(),
  /** The current version's text, at most OVERVIEW_LIMITS.excerptChars characters. */
  excerpt: z.string(),
  truncated: z.boolean(),
  /** Has the note been corrected (more than one version)? */
  corrected: z.boolean(),
});

/**
 * Opening a person's page in one read: the person with their team (as GET /api/persons/:id), the
 * newest journal notes in the categories the actor may read, and the person's open referrals the actor
 * is a side of or keeps the record for. Each part is audited as its own page would be.
 */
export const PersonOverviewResponse = z.object({
  person: PersonView,
  /** Null when the actor may read no journal category for this person. */
  journal: z.object({ total: z.number().int(), notes: z.array(NoteSummary) }).nullable(),
  /** Open referrals (sent or accepted); `total` counts every referral the actor may see, also ended ones. */
  referrals: z.object({ total: z.number().int(), open: z.array(ReferralView) }),
});

export const personOverviewEndpoints = {
  personOverview: {
    method: 'GET',
    path: '/api/persons/:id/overview',
    summary: "A person's page in one read: the person and team, the newest journal notes and the open referrals the actor may see (audited)",
    params: IdParams,
    status: 200,
    response: PersonOverviewResponse,
  },
} as const;
