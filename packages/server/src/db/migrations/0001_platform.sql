-- Platform: municipalities, units, users and roles, sessions, invitations, outbox, audit log.
-- Runs unchanged on PGlite and PostgreSQL 15+.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE EXTENSION IF NOT EXISTS citext;

-- The application's role: no login, not superuser, cannot bypass row-level security.
-- Every request transaction does SET LOCAL ROLE eidor_app, so the policies below apply.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'eidor_app') THEN
    CREATE ROLE eidor_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  -- The connecting owner must be a member to SET ROLE (automatic only from PostgreSQL 16).
  IF NOT pg_has_role(current_user, 'eidor_app', 'MEMBER') THEN
    EXECUTE format('GRANT eidor_app TO %I', current_user);
  END IF;
END $$;

CREATE TABLE municipalities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number char(4) NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('refugee_service','nav','health','school','kindergarten','ppt','child_welfare','adult_education','housing','other')),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX units_name_uq ON units (municipality_id, lower(name));

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  email citext NOT NULL UNIQUE,
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('invited','active','disabled')),
  password_hash text,
  totp_secret_enc text,
  totp_pending_enc text,
  totp_last_counter bigint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_municipality_idx ON users (municipality_id);

CREATE TABLE role_assignments (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  user_id uuid NOT NULL REFERENCES users(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  role text NOT NULL CHECK (role IN ('advisor','settlement_officer','health_worker','grant_coordinator','leader','partner','finance','admin','auditor')),
  PRIMARY KEY (user_id, unit_id, role)
);
CREATE INDEX role_assignments_unit_idx ON role_assignments (unit_id);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  user_id uuid NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  auth_method text NOT NULL CHECK (auth_method IN ('password','oidc')),
  mfa_pending boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  user_id uuid NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX outbox_unsent_idx ON outbox (created_at) WHERE sent_at IS NULL;

-- Sign-in throttling: fixed-window counters keyed by a hash of the account or the IP.
CREATE TABLE auth_throttle (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  count integer NOT NULL
);

-- OIDC authorization requests in flight (state → PKCE verifier and nonce), kept for 10 minutes.
CREATE TABLE oidc_flows (
  state text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  created_at timestamptz NOT NULL
);

-- The audit log: append-only, hash-chained per municipality.
CREATE TABLE audit_log (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_email text,
  unit_id uuid,
  role text,
  action text NOT NULL,
  subject_type text,
  subject_id text,
  categories text[] NOT NULL DEFAULT '{}',
  request_id text NOT NULL,
  ip text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (municipality_id, seq)
);
CREATE INDEX audit_log_actor_idx ON audit_log (municipality_id, actor_user_id, occurred_at);
CREATE INDEX audit_log_subject_idx ON audit_log (municipality_id, subject_id, occurred_at);
CREATE INDEX audit_log_time_idx ON audit_log (municipality_id, occurred_at);

-- The head of each municipality's chain. Updating it takes a row lock, which orders concurrent writers.
CREATE TABLE audit_chain_head (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  seq bigint NOT NULL,
  hash text NOT NULL
);

-- Row-level security: a tenant table shows only the rows of the municipality set for the transaction.
ALTER TABLE municipalities ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON municipalities TO eidor_app
  USING (id = nullif(current_setting('app.municipality_id', true), '')::uuid);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['units','users','role_assignments','sessions','invitations','outbox','audit_log','audit_chain_head'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

GRANT USAGE ON SCHEMA public TO eidor_app;
GRANT SELECT ON municipalities TO eidor_app;
GRANT SELECT, INSERT, UPDATE ON units, users, role_assignments, invitations, outbox TO eidor_app;
GRANT DELETE ON role_assignments, sessions TO eidor_app;
GRANT SELECT, INSERT, UPDATE ON sessions TO eidor_app;
-- The audit log can be read and appended to, never changed or deleted by the application.
GRANT SELECT, INSERT ON audit_log TO eidor_app;
GRANT SELECT, INSERT, UPDATE ON audit_chain_head TO eidor_app;
