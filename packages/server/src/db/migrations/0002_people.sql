-- People and households: the record every later module hangs on.

CREATE TABLE households (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  name text NOT NULL,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX households_municipality_idx ON households (municipality_id);

CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  household_id uuid REFERENCES households(id),
  household_role text CHECK (household_role IN ('head','spouse','child','other')),
  given_name text NOT NULL,
  family_name text NOT NULL,
  other_spellings text[] NOT NULL DEFAULT '{}',
  -- Normalised names and their consonant skeletons (domain/identity/names.ts), kept in step by the
  -- application: what the trigram search runs on.
  search_text text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female','male','unknown')),
  national_id text,
  duf_number text,
  origin_country char(3),
  nationality char(3),
  languages text[] NOT NULL DEFAULT '{}',
  interpreter_needed boolean NOT NULL DEFAULT false,
  interpreter_language text,
  arrival_category text CHECK (arrival_category IN ('resettlement','reception_centre','family_reunified','unaccompanied_minor','agreed_self_settlement','collective_protection','self_settled')),
  sponsor_person_id uuid REFERENCES persons(id),
  permit_type text CHECK (permit_type IN ('refugee','humanitarian','family_immigration','collective_protection','other')),
  permit_date date,
  settlement_date date,
  previous_municipality text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','moved_away','ended','deceased')),
  status_date date,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (household_id IS NOT NULL OR household_role IS NULL)
);
-- Search is always within one municipality: a composite GIN index (btree_gin for the uuid,
-- pg_trgm for the names). No global trigram index: on a shared installation it makes the planner
-- pick a plan several times slower. fastupdate off: no pending list, so search cost (and the
-- planner's estimate of it) does not depend on when the index was last vacuumed.
CREATE INDEX persons_search_idx ON persons USING gin (municipality_id, search_text gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX persons_birth_idx ON persons (municipality_id, birth_date);
CREATE UNIQUE INDEX persons_national_id_uq ON persons (municipality_id, national_id) WHERE national_id IS NOT NULL;
CREATE INDEX persons_duf_idx ON persons (municipality_id, duf_number) WHERE duf_number IS NOT NULL;
CREATE INDEX persons_household_idx ON persons (household_id);
CREATE INDEX persons_list_idx ON persons (municipality_id, family_name, given_name);

-- The units on a person's team: partners see a person only through this.
CREATE TABLE person_team (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  added_at timestamptz NOT NULL,
  added_by uuid REFERENCES users(id),
  PRIMARY KEY (person_id, unit_id)
);
CREATE INDEX person_team_unit_idx ON person_team (unit_id, person_id);

-- Every change of a person, field by field. Append-only.
CREATE TABLE person_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  version integer NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by uuid REFERENCES users(id),
  changes jsonb NOT NULL
);
CREATE INDEX person_history_person_idx ON person_history (person_id, version);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['households','persons','person_team','person_history'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON households, persons TO eidor_app;
GRANT SELECT, INSERT, DELETE ON person_team TO eidor_app;
GRANT SELECT, INSERT ON person_history TO eidor_app;
