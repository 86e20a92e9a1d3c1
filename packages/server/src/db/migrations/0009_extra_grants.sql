-- Extra grants (tilskudd 1 and 2, IMDi codes FHT1/FHT2): the grant coordinator's case per person,
-- the checklist, informed consents, documentation and cost requests to units, cost lines per unit
-- and grant year, and the applications per grant year with deadline, postponement and decision.
-- Request answers are special-category data (health, child welfare): the module shows them only to
-- the coordinator and to the unit that answered.

CREATE TABLE extra_grant_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
  signal text,                            -- why the case was opened (a suggestion's signal), if any
  checklist jsonb NOT NULL DEFAULT '{}',  -- the Kristiansand checklist, answers by key
  opened_at timestamptz NOT NULL,
  opened_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX extra_grant_cases_person_uq ON extra_grant_cases (municipality_id, person_id);

-- Informed consent (IMDi's template): by whom, the services it covers, the date. Never deleted.
CREATE TABLE extra_grant_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  case_id uuid NOT NULL REFERENCES extra_grant_cases(id),
  signed_by text NOT NULL CHECK (signed_by IN ('person','guardian')),
  signer_name text NOT NULL,
  scope text[] NOT NULL,
  scope_note text,
  consent_date date NOT NULL,
  withdrawn_date date,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid REFERENCES users(id),
  CHECK (cardinality(scope) > 0),
  CHECK (withdrawn_date IS NULL OR withdrawn_date >= consent_date)
);
CREATE INDEX extra_grant_consents_case_idx ON extra_grant_consents (case_id);

CREATE TABLE extra_grant_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  case_id uuid NOT NULL REFERENCES extra_grant_cases(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  consent_id uuid NOT NULL REFERENCES extra_grant_consents(id),
  kind text NOT NULL CHECK (kind IN ('documentation','costs','documentation_and_costs')),
  message text NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent','answered')),
  answer text,
  cost_estimate bigint CHECK (cost_estimate IS NULL OR cost_estimate >= 0),
  informant text,
  reminders integer NOT NULL DEFAULT 0,
  sent_at timestamptz NOT NULL,
  sent_by uuid REFERENCES users(id),
  answered_at timestamptz,
  answered_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 0,
  CHECK (status <> 'answered' OR answer IS NOT NULL)
);
CREATE INDEX extra_grant_requests_case_idx ON extra_grant_requests (case_id);
CREATE INDEX extra_grant_requests_unit_idx ON extra_grant_requests (unit_id, status);

-- One application per grant year; deadline as computed when created (kept for the queue and lists).
CREATE TABLE extra_grant_applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  case_id uuid NOT NULL REFERENCES extra_grant_cases(id),
  grant_year integer NOT NULL CHECK (grant_year BETWEEN 1 AND 20),
  kind text NOT NULL CHECK (kind IN ('tilskudd1','tilskudd2')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','granted','partly_granted','rejected','appealed')),
  deadline date NOT NULL,
  postponement_status text CHECK (postponement_status IN ('requested','granted','refused')),
  postponement_requested_date date,
  postponement_until date,
  submitted_date date,
  applied_amount bigint CHECK (applied_amount IS NULL OR applied_amount >= 0),
  granted_amount bigint CHECK (granted_amount IS NULL OR granted_amount >= 0),
  decision_date date,
  appeal_date date,
  costs_reported_date date,
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 0,
  CHECK ((postponement_status IS NULL) = (postponement_until IS NULL))
);
CREATE UNIQUE INDEX extra_grant_applications_year_uq ON extra_grant_applications (case_id, grant_year);

-- Costs per unit and grant year: the estimate applied for, later the actual cost. Always NOK (øre).
CREATE TABLE extra_grant_cost_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  case_id uuid NOT NULL REFERENCES extra_grant_cases(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  grant_year integer NOT NULL CHECK (grant_year BETWEEN 1 AND 20),
  description text NOT NULL,
  currency text NOT NULL DEFAULT 'NOK' CHECK (currency = 'NOK'),
  estimate bigint NOT NULL CHECK (estimate >= 0),
  actual bigint CHECK (actual IS NULL OR actual >= 0),
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL
);
CREATE INDEX extra_grant_cost_lines_case_idx ON extra_grant_cost_lines (case_id, grant_year);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['extra_grant_cases','extra_grant_consents','extra_grant_requests','extra_grant_applications','extra_grant_cost_lines'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

-- History is never deleted: no DELETE grant on any of these tables.
GRANT SELECT, INSERT, UPDATE ON extra_grant_cases, extra_grant_consents, extra_grant_requests, extra_grant_applications, extra_grant_cost_lines TO eidor_app;
