-- IMDi grants (issue 6): rate tables as effective-dated data, per-person grant facts, municipality
-- grant settings, IMDi payment lists and their lines, and reconciliation results.

-- Rate table: one amount per grant code (IMDi Tilskudd's codes), settlement year (integration
-- grant) or payment year (other grants), with its source and whether a second person verified it.
-- The defaults ship with Eidør as code (packages/domain/src/grants/rates.ts); this table holds a
-- municipality's own rows (corrections, added years), which take precedence over a default.
CREATE TABLE grant_rates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  code text NOT NULL CHECK (code IN ('AR-1 EV','AR-1','AR-1 B','AR-2','AR-3','AR-4','AR-5','ELDR','BHT','EMINB','EMINU','FHT1','FHT2')),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount bigint NOT NULL CHECK (amount >= 0),
  source text NOT NULL,
  status text NOT NULL CHECK (status IN ('verified','unverified','estimate')),
  note text,
  version integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);
CREATE UNIQUE INDEX grant_rates_uq ON grant_rates (municipality_id, code, year);

-- Facts about a person that only the grants need. Absent row = defaults derived from the person.
CREATE TABLE person_grant_facts (
  person_id uuid PRIMARY KEY REFERENCES persons(id),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  first_settlement_date date,            -- first settlement in Norway (NULL: the settlement date here)
  settled_by_agreement boolean,          -- NULL: derived from the arrival category
  imdinett_registered_date date,         -- the settlement date registered in IMDinett
  sponsor_first_settlement_date date,    -- family immigrants whose sponsor is not in the register
  sponsor_permit_type text,
  sponsor_was_family_immigrant boolean NOT NULL DEFAULT false,
  sponsor_nordic_citizen boolean NOT NULL DEFAULT false,
  family_application_date date,          -- the family-immigration application date (5-year rule)
  special_agreement boolean NOT NULL DEFAULT false, -- family reunified settled by special agreement with IMDi
  moved_to text,                         -- the municipality moved to (status moved_away)
  emigrated_date date,                   -- moved out of Norway (abroad more than six months)
  version integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  CHECK (sponsor_permit_type IS NULL OR sponsor_permit_type IN ('refugee','humanitarian','family_immigration','collective_protection','other'))
);

-- The municipality's grant settings: how the year's grant is shared when a person moves (rules.md
-- § 10.6: no IMDi source confirms either rule, so it is the municipality's choice).
CREATE TABLE grant_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  split_rule text NOT NULL DEFAULT 'month_based' CHECK (split_rule IN ('month_based','quarter_eighths')),
  version integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);

-- IMDi's payment lists as imported, and their lines. A line is stored once (line_hash over every
-- field), so importing the same file again, or an overlapping one, adds nothing twice.
CREATE TABLE grant_payment_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  file_sha256 text NOT NULL,
  file_kind text NOT NULL CHECK (file_kind IN ('csv','xlsx')),
  lines integer NOT NULL,
  imported_lines integer NOT NULL,
  terms text[] NOT NULL,
  imported_at timestamptz NOT NULL,
  imported_by uuid REFERENCES users(id)
);
CREATE UNIQUE INDEX grant_payment_lists_file_uq ON grant_payment_lists (municipality_id, file_sha256);

CREATE TABLE grant_payment_lines (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  list_id uuid NOT NULL REFERENCES grant_payment_lists(id),
  line_no integer NOT NULL,
  term text NOT NULL,
  code text NOT NULL,
  amount_ore bigint NOT NULL CHECK (amount_ore >= 0),
  national_id text,
  duf_number text,
  name text,
  name_key text,                         -- the name normalised (lower case, no diacritics)
  name_skeleton text,                    -- the consonant skeleton that most transliterations share
  birth_date date,
  settlement_date date,
  municipality_number text,
  paid_date date,
  line_hash text NOT NULL,
  person_id uuid REFERENCES persons(id),
  match_method text CHECK (match_method IN ('national_id','duf_number','name_birth_date','manual')),
  match_score real
);
CREATE UNIQUE INDEX grant_payment_lines_hash_uq ON grant_payment_lines (municipality_id, line_hash);
CREATE INDEX grant_payment_lines_term_idx ON grant_payment_lines (municipality_id, term);

-- The last reconciliation of a year: expected vs paid per person, term and grant code, and why
-- they differ.
CREATE TABLE grant_reconciliation_rows (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  year integer NOT NULL,
  person_id uuid REFERENCES persons(id),
  line_id bigint REFERENCES grant_payment_lines(id),
  term text NOT NULL,
  code text NOT NULL,
  expected_ore bigint NOT NULL,
  paid_ore bigint NOT NULL,
  reason text NOT NULL CHECK (reason IN ('ok','settlement_date_missing','not_in_imdinett','not_in_population_register','moved','emigrated','deceased','unknown_person','duplicate_payment','not_expected','amount_mismatch','not_paid')),
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  reconciled_at timestamptz NOT NULL
);
-- One summary per reconciled year (totals, match counts); the rows above hold only differences.
CREATE TABLE grant_reconciliations (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  year integer NOT NULL,
  reconciled_at timestamptz NOT NULL,
  reconciled_by uuid REFERENCES users(id),
  summary jsonb NOT NULL,
  PRIMARY KEY (municipality_id, year)
);
CREATE INDEX grant_reconciliation_year_idx ON grant_reconciliation_rows (municipality_id, year, reason);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['grant_rates','person_grant_facts','grant_settings','grant_payment_lists','grant_payment_lines','grant_reconciliation_rows','grant_reconciliations'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON grant_rates TO eidor_app;
GRANT SELECT, INSERT, UPDATE ON person_grant_facts, grant_settings, grant_payment_lists, grant_payment_lines TO eidor_app;
GRANT SELECT, INSERT, DELETE ON grant_reconciliation_rows TO eidor_app;
GRANT SELECT, INSERT, UPDATE ON grant_reconciliations TO eidor_app;
