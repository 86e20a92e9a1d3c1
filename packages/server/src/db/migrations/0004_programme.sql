-- The introduction programme and the introduction benefit (issue 5, first part): a programme record
-- per participant with its decisions, daily attendance, and monthly payment runs.

CREATE TABLE programmes (
  person_id uuid PRIMARY KEY REFERENCES persons(id),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  -- What eligibility and the rate need that the person record does not hold.
  request_date date,
  participant_group text CHECK (participant_group IN ('upper_secondary_or_higher','completing_upper_secondary','other_goal')),
  lives_with_parents boolean NOT NULL DEFAULT false,
  couple_both_participants_no_children boolean NOT NULL DEFAULT false,
  has_children_or_expecting boolean NOT NULL DEFAULT false,
  skills_mapping_date date,
  career_guidance_date date,
  -- The programme decision (enkeltvedtak) in force.
  decision_date date,
  start_date date,
  end_goal text,
  planned_months integer CHECK (planned_months BETWEEN 1 AND 48),
  extension_months integer NOT NULL DEFAULT 0 CHECK (extension_months BETWEEN 0 AND 24),
  extension_reason text,
  weekly_hours numeric(4,1) CHECK (weekly_hours BETWEEN 0 AND 60),
  hours_reason text,
  elements jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','active','suspended','ended')),
  end_date date,
  end_reason text,
  main_activity text,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programmes_municipality_idx ON programmes (municipality_id, status);

-- Every decision and change, append-only (the programme's history and NIR's events).
CREATE TABLE programme_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  kind text NOT NULL,
  event_date date NOT NULL,
  version integer NOT NULL,
  changes jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid REFERENCES users(id)
);
CREATE INDEX programme_events_person_idx ON programme_events (person_id, recorded_at);

-- Attendance per participant and day: planned and present hours, absence with its kind.
CREATE TABLE attendance (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  day date NOT NULL,
  planned_hours numeric(4,2) NOT NULL CHECK (planned_hours BETWEEN 0 AND 24),
  present_hours numeric(4,2) NOT NULL CHECK (present_hours BETWEEN 0 AND 24),
  absence_kind text CHECK (absence_kind IN ('self_certified','doctor_certified','child_sick','pregnancy','birth_mother','birth_father','welfare','unexcused','leave_without_benefit')),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid REFERENCES users(id),
  PRIMARY KEY (person_id, day),
  CHECK (present_hours <= planned_hours OR planned_hours = 0)
);
CREATE INDEX attendance_municipality_day_idx ON attendance (municipality_id, day);

-- A monthly payment run: prepared by one person, approved by another, exported and locked.
CREATE TABLE payment_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  status text NOT NULL CHECK (status IN ('prepared','approved','exported')),
  prepared_at timestamptz NOT NULL,
  prepared_by uuid NOT NULL REFERENCES users(id),
  approved_at timestamptz,
  approved_by uuid REFERENCES users(id),
  exported_at timestamptz,
  total_net bigint NOT NULL,
  participants integer NOT NULL,
  version integer NOT NULL DEFAULT 0,
  CHECK (approved_by IS NULL OR approved_by <> prepared_by)
);
CREATE UNIQUE INDEX payment_runs_month_uq ON payment_runs (municipality_id, month);

CREATE TABLE payment_lines (
  run_id uuid NOT NULL REFERENCES payment_runs(id),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  gross bigint NOT NULL,
  absence_deduction bigint NOT NULL,
  coordination_deduction bigint NOT NULL,
  recovered bigint NOT NULL,
  net bigint NOT NULL,
  decision_required boolean NOT NULL,
  lines jsonb NOT NULL,
  PRIMARY KEY (run_id, person_id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['programmes','programme_events','attendance','payment_runs','payment_lines'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON programmes, attendance, payment_runs TO eidor_app;
GRANT SELECT, INSERT ON programme_events, payment_lines TO eidor_app;
-- A prepared (not yet approved) run may be prepared again: its lines are replaced.
GRANT DELETE ON payment_lines TO eidor_app;
