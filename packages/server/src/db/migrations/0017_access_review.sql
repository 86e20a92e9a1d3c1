-- Access review (issue 7 § 9): the municipality's thresholds for the pattern search, and an index
-- for the review's queries over the audit rows about people.

-- Thresholds per municipality; without a row the shipped defaults apply (domain REVIEW_DEFAULTS).
-- Changes are audited (access_review.thresholds.update) and versioned against lost updates.
CREATE TABLE access_review_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  burst_persons integer NOT NULL CHECK (burst_persons BETWEEN 2 AND 1000),
  burst_minutes integer NOT NULL CHECK (burst_minutes BETWEEN 1 AND 1440),
  workday_start time NOT NULL,
  workday_end time NOT NULL,
  version integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users(id),
  CHECK (workday_end > workday_start)
);

ALTER TABLE access_review_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON access_review_settings TO eidor_app
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON access_review_settings TO eidor_app;

-- The review reads the rows about people in a period, per user in time order (the burst search
-- walks each user's openings), and per person (the existing subject index serves that).
CREATE INDEX audit_log_person_actor_idx ON audit_log (municipality_id, actor_user_id, occurred_at)
  WHERE subject_type = 'person';
CREATE INDEX audit_log_person_time_idx ON audit_log (municipality_id, occurred_at)
  WHERE subject_type = 'person';
