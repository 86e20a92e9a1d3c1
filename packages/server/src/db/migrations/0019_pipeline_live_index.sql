-- The arrival pipeline board shows households still in work: those with an active member who is not
-- yet in the population register, or was registered in the last 90 days. This index answers that
-- from the index alone (a few hundred entries of a municipality's thousands of people).
CREATE INDEX persons_live_household_idx ON persons (municipality_id, population_registered_date) INCLUDE (household_id)
  WHERE status = 'active' AND household_id IS NOT NULL;
