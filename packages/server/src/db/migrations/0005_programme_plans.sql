-- Integration plans (versioned decisions), other benefits to coordinate with, and the overpayment ledger.

CREATE TABLE integration_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  plan_no integer NOT NULL,
  status text NOT NULL CHECK (status IN ('draft','adopted','superseded')),
  goals jsonb NOT NULL,
  norwegian_goal text,
  measures jsonb NOT NULL,
  change_reason text,
  significant boolean NOT NULL DEFAULT true,
  decision_date date,
  review_due date,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  adopted_at timestamptz,
  adopted_by uuid REFERENCES users(id)
);
CREATE UNIQUE INDEX integration_plans_no_uq ON integration_plans (person_id, plan_no);

CREATE TABLE other_benefits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  kind text NOT NULL CHECK (kind IN ('dagpenger','sykepenger','foreldrepenger','arbeidsavklaringspenger','uforetrygd','overgangsstonad','barnetrygd','kontantstotte','wages')),
  monthly_amount bigint NOT NULL CHECK (monthly_amount >= 0),
  earned_before_programme boolean NOT NULL DEFAULT false,
  from_date date NOT NULL,
  to_date date,
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX other_benefits_person_idx ON other_benefits (person_id);

CREATE TABLE overpayments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  amount bigint NOT NULL CHECK (amount > 0),
  reason text NOT NULL,
  recover_per_month bigint NOT NULL CHECK (recover_per_month > 0),
  recovered bigint NOT NULL DEFAULT 0 CHECK (recovered >= 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','recovered','claimed','written_off')),
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 0,
  CHECK (recovered <= amount)
);
CREATE INDEX overpayments_person_idx ON overpayments (person_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['integration_plans','other_benefits','overpayments'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON integration_plans, overpayments TO eidor_app;
GRANT SELECT, INSERT, DELETE ON other_benefits TO eidor_app;
