-- Settlement: yearly numbers, the arrival pipeline, family reunification, housing, the first
-- weeks' checklist, and the shared work queue (tasks) every later module adds to.

-- When each person was registered in the population register at the settlement address.
ALTER TABLE persons ADD COLUMN population_registered_date date;

CREATE TABLE settlement_years (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  requested_total integer CHECK (requested_total >= 0),
  requested_unaccompanied integer CHECK (requested_unaccompanied >= 0),
  decided_total integer CHECK (decided_total >= 0),
  accepts_unaccompanied boolean,
  decided_unaccompanied integer CHECK (decided_unaccompanied >= 0),
  decision_date date,
  decision_body text,
  sent_to_imdi_date date,
  imdinett_registered boolean NOT NULL DEFAULT false,
  extra_capacity integer CHECK (extra_capacity >= 0),
  note text,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, year)
);

-- One household's way from IMDi's distribution list to settlement. The stage is derived from
-- these dates and the members' settlement dates; it is never stored on its own.
CREATE TABLE settlement_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  household_id uuid NOT NULL REFERENCES households(id),
  imdi_reference text,
  offered_date date NOT NULL,
  response text CHECK (response IN ('accepted','declined')),
  response_date date,
  decline_reason text,
  imdi_decision_date date,
  planned_arrival_date date,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','import')),
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (response_date IS NULL OR response_date >= offered_date),
  CHECK (planned_arrival_date IS NULL OR planned_arrival_date >= offered_date)
);
CREATE UNIQUE INDEX settlement_cases_household_uq ON settlement_cases (household_id);
CREATE UNIQUE INDEX settlement_cases_reference_uq ON settlement_cases (municipality_id, imdi_reference) WHERE imdi_reference IS NOT NULL;
CREATE INDEX settlement_cases_municipality_idx ON settlement_cases (municipality_id, offered_date);

CREATE TABLE family_reunifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  sponsor_person_id uuid NOT NULL REFERENCES persons(id),
  expected_name text NOT NULL,
  relation text NOT NULL CHECK (relation IN ('spouse','child','parent','sibling','other')),
  birth_date date,
  application_date date,
  expected_arrival_date date,
  status text NOT NULL DEFAULT 'expected' CHECK (status IN ('expected','arrived','withdrawn','refused')),
  arrived_person_id uuid REFERENCES persons(id),
  note text,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_reunifications_sponsor_idx ON family_reunifications (municipality_id, sponsor_person_id);

CREATE TABLE dwellings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  address text NOT NULL,
  postal_code text,
  kind text NOT NULL CHECK (kind IN ('municipal','private_lease','agreed_self_settlement','waiting')),
  rooms integer NOT NULL CHECK (rooms BETWEEN 1 AND 20),
  size_m2 integer CHECK (size_m2 BETWEEN 5 AND 1000),
  monthly_rent integer NOT NULL CHECK (monthly_rent >= 0),
  landlord text,
  lease_start date NOT NULL,
  lease_end date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','terminated')),
  note text,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (lease_end IS NULL OR lease_end >= lease_start)
);
CREATE INDEX dwellings_municipality_idx ON dwellings (municipality_id, status);

-- Who lives where, when. Overlaps are refused by the application under a row lock on the dwelling.
CREATE TABLE dwelling_allocations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  dwelling_id uuid NOT NULL REFERENCES dwellings(id),
  household_id uuid NOT NULL REFERENCES households(id),
  from_date date NOT NULL,
  to_date date,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX dwelling_allocations_dwelling_idx ON dwelling_allocations (dwelling_id, from_date);
CREATE INDEX dwelling_allocations_household_idx ON dwelling_allocations (household_id, from_date);

-- The municipality's first-weeks checklist (one template per municipality, edited as a whole).
CREATE TABLE checklist_templates (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  items jsonb NOT NULL,
  version integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);

-- The shared work queue. Every module adds its items here with a kind ('settlement.checklist',
-- 'settlement.pipeline', 'housing.lease', later 'programme.*', 'grants.*' …), the data category that
-- governs who may see it, an owner unit and a due date. source_key makes generation idempotent.
CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  kind text NOT NULL,
  item_key text NOT NULL,
  title text NOT NULL,
  description text,
  legal_basis text,
  category text NOT NULL CHECK (category IN ('identity','settlement','programme','health','child_welfare','economy')),
  person_id uuid REFERENCES persons(id),
  household_id uuid REFERENCES households(id),
  dwelling_id uuid REFERENCES dwellings(id),
  owner_unit_id uuid NOT NULL REFERENCES units(id),
  assignee_user_id uuid REFERENCES users(id),
  due_date date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','skipped')),
  skip_reason text,
  completed_at timestamptz,
  completed_by uuid REFERENCES users(id),
  source_key text NOT NULL,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'skipped' OR skip_reason IS NOT NULL)
);
CREATE UNIQUE INDEX tasks_source_uq ON tasks (municipality_id, source_key);
CREATE INDEX tasks_unit_queue_idx ON tasks (owner_unit_id, due_date) WHERE status = 'open';
CREATE INDEX tasks_assignee_queue_idx ON tasks (assignee_user_id, due_date) WHERE status = 'open';
CREATE INDEX tasks_household_idx ON tasks (household_id);
CREATE INDEX tasks_person_idx ON tasks (person_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['settlement_years','settlement_cases','family_reunifications','dwellings','dwelling_allocations','checklist_templates','tasks'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON settlement_years, settlement_cases, family_reunifications, dwellings, dwelling_allocations, checklist_templates, tasks TO eidor_app;
