-- Issue 7 §§ 2–4: consent records, referrals between units and break-the-glass grants, and the one
-- view the access policy reads them through (person_access_grants).

-- A consent (samtykke) from the person or a named guardian: purpose, data categories, the units it
-- covers, a validity period, and a withdrawal that takes effect when it is recorded.
CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  given_by text NOT NULL CHECK (given_by IN ('person','guardian')),
  guardian_name text,
  purpose text NOT NULL,
  categories text[] NOT NULL CHECK (cardinality(categories) > 0 AND categories <@ ARRAY['identity','settlement','programme','health','child_welfare','economy']),
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  -- The validity period as instants (Oslo midnight to the midnight after valid_until), set by the
  -- server so the policy compares instants only.
  effective_from timestamptz NOT NULL,
  effective_until timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  withdrawn_on date,
  withdrawn_by text CHECK (withdrawn_by IN ('person','guardian')),
  withdrawn_by_name text,
  withdrawn_at timestamptz,
  withdrawal_recorded_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 0,
  CHECK ((given_by = 'guardian') = (guardian_name IS NOT NULL)),
  CHECK (valid_until >= valid_from),
  CHECK (effective_until > effective_from),
  CHECK ((withdrawn_at IS NULL) = (withdrawn_on IS NULL) AND (withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawal_recorded_by IS NULL))
);
CREATE INDEX consents_person_idx ON consents (person_id, recorded_at DESC);

CREATE TABLE consent_units (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  consent_id uuid NOT NULL REFERENCES consents(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  PRIMARY KEY (consent_id, unit_id)
);
CREATE INDEX consent_units_unit_idx ON consent_units (unit_id);

-- A referral (henvisning) from one unit to another about a person. Only an accepted referral that is
-- not yet ended gives the receiving unit access, to identity and the categories it names.
CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  from_unit_id uuid NOT NULL REFERENCES units(id),
  to_unit_id uuid NOT NULL REFERENCES units(id),
  reason text NOT NULL,
  requested_help text NOT NULL,
  categories text[] NOT NULL CHECK (categories <@ ARRAY['identity','settlement','programme','health','child_welfare','economy']),
  legal_basis text NOT NULL CHECK (legal_basis IN ('integreringsloven_41','integreringsloven_42','integreringsloven_43','forvaltningsloven_13b','consent')),
  consent_id uuid REFERENCES consents(id),
  due_date date,
  status text NOT NULL CHECK (status IN ('sent','accepted','declined','closed','withdrawn')),
  sent_at timestamptz NOT NULL,
  sent_by uuid NOT NULL REFERENCES users(id),
  answered_at timestamptz,
  answered_by uuid REFERENCES users(id),
  answer_reason text,
  ended_at timestamptz,
  ended_by uuid REFERENCES users(id),
  outcome text,
  version integer NOT NULL DEFAULT 0,
  CHECK (from_unit_id <> to_unit_id),
  CHECK ((legal_basis = 'consent') = (consent_id IS NOT NULL)),
  CHECK ((status = 'sent') = (answered_at IS NULL) OR status = 'withdrawn'),
  CHECK ((status IN ('sent','accepted')) = (ended_at IS NULL))
);
CREATE INDEX referrals_person_idx ON referrals (person_id, sent_at DESC);
CREATE INDEX referrals_to_unit_idx ON referrals (to_unit_id, status);
CREATE INDEX referrals_from_unit_idx ON referrals (from_unit_id, status);
CREATE INDEX referrals_consent_idx ON referrals (consent_id) WHERE consent_id IS NOT NULL;

-- Journal documents sent with a referral.
CREATE TABLE referral_attachments (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  referral_id uuid NOT NULL REFERENCES referrals(id),
  document_id uuid NOT NULL REFERENCES journal_documents(id),
  PRIMARY KEY (referral_id, document_id)
);

-- Break-the-glass (nødtilgang): one user's read access to one person for a limited time, with the
-- stated reason; the leader reviews every grant.
CREATE TABLE break_glass_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  user_id uuid NOT NULL REFERENCES users(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  reason text NOT NULL,
  started_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES users(id),
  review_note text,
  CHECK (expires_at > started_at)
);
CREATE INDEX break_glass_grants_user_idx ON break_glass_grants (user_id, person_id, expires_at);
CREATE INDEX break_glass_grants_review_idx ON break_glass_grants (municipality_id, started_at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['consents','consent_units','referrals','referral_attachments','break_glass_grants'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

-- Consents, referrals and grants change status but are never removed: they are the disclosure log.
GRANT SELECT, INSERT, UPDATE ON consents, referrals, break_glass_grants TO eidor_app;
GRANT SELECT, INSERT ON consent_units, referral_attachments TO eidor_app;

-- Every relationship besides team membership that opens a person to a unit (referral, consent) or a
-- user (break-the-glass), with the interval it is in force: [starts_at, ends_at), ends_at null = open.
-- A referral that rests on a consent is in force only while the consent is.
-- security_invoker: the tables' row-level security applies to whoever reads the view.
CREATE VIEW person_access_grants WITH (security_invoker = true) AS
  SELECT r.municipality_id, r.person_id, r.to_unit_id AS unit_id, NULL::uuid AS user_id, 'referral'::text AS kind, r.categories,
         GREATEST(r.answered_at, c.effective_from) AS starts_at,
         LEAST(c.effective_until, c.withdrawn_at) AS ends_at
    FROM referrals r
    LEFT JOIN consents c ON c.id = r.consent_id
   WHERE r.status = 'accepted'
  UNION ALL
  SELECT c.municipality_id, c.person_id, cu.unit_id, NULL::uuid, 'consent'::text, c.categories,
         c.effective_from, LEAST(c.effective_until, c.withdrawn_at)
    FROM consents c
    JOIN consent_units cu ON cu.consent_id = c.id
  UNION ALL
  SELECT g.municipality_id, g.person_id, NULL::uuid, g.user_id, 'break_glass'::text, NULL::text[],
         g.started_at, LEAST(g.expires_at, g.ended_at)
    FROM break_glass_grants g;

GRANT SELECT ON person_access_grants TO eidor_app;
