-- IMDi grants (issue 6): rate tables as effective-dated data, per-person grant facts, municipality
-- grant settings, IMDi payment lists and their lines, and reconciliation results.

-- Rate table: one amount per grant code (IMDi Tilskudd's codes), settlement year (integration
-- grant) or payment year (other grants), with its source and whether a second person verified it.
-- Rows with municipality_id NULL are the defaults shipped with Eidør; a municipality's own rows
-- (corrections, added years) take precedence.
CREATE TABLE grant_rates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid REFERENCES municipalities(id),
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
CREATE UNIQUE INDEX grant_rates_default_uq ON grant_rates (code, year) WHERE municipality_id IS NULL;
CREATE UNIQUE INDEX grant_rates_own_uq ON grant_rates (municipality_id, code, year) WHERE municipality_id IS NOT NULL;

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

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['person_grant_facts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

-- Rates: everyone reads the shipped defaults; a municipality reads and writes its own rows.
ALTER TABLE grant_rates ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_rates ON grant_rates FOR SELECT TO eidor_app USING (municipality_id IS NULL OR municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
CREATE POLICY own_rates ON grant_rates FOR ALL TO eidor_app USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid) WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE ON grant_rates, person_grant_facts TO eidor_app;
