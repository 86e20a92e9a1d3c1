-- The audit chain leaves the request path (issue 7, Speed; BENCHMARKS.md person-page).
--
-- Until now every audited transaction advanced its municipality's chain head, holding that row's lock
-- until its commit was flushed to disk: all audited requests of one municipality passed one at a time.
-- Now a request inserts its audit rows unchained (seq, prev_hash and hash empty) in its own transaction
-- — they still commit with the request or not at all, and a failed insert still fails the request —
-- and the sealer (platform/audit-sealer.ts) chains committed rows in insertion order shortly after,
-- under the head lock, many rows per transaction. `audit:verify` and GET /api/audit/verify seal first,
-- then check the chain.
--
-- The row's identity is now `id`, a sequence number in insertion order; `seq` is its place in the
-- municipality's chain, given once by the sealer. The application role may insert every column but
-- the chain's, and may fill the chain's columns of an unsealed row only: a trigger refuses any other
-- change and every delete.

ALTER TABLE audit_log ADD COLUMN id bigint;
-- Existing rows are numbered in their chain order, municipality by municipality in time order.
WITH numbered AS (
  SELECT municipality_id, seq, row_number() OVER (ORDER BY occurred_at, municipality_id, seq) AS n FROM audit_log
)
UPDATE audit_log a SET id = numbered.n FROM numbered WHERE a.municipality_id = numbered.municipality_id AND a.seq = numbered.seq;
CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
SELECT setval('audit_log_id_seq', coalesce((SELECT max(id) FROM audit_log), 0) + 1, false);
ALTER TABLE audit_log ALTER COLUMN id SET DEFAULT nextval('audit_log_id_seq'), ALTER COLUMN id SET NOT NULL;

ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (id);
ALTER TABLE audit_log ALTER COLUMN seq DROP NOT NULL, ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_sealed_whole CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL));
CREATE UNIQUE INDEX audit_log_chain_idx ON audit_log (municipality_id, seq);
-- What the sealer looks for: small, since rows leave it within moments.
CREATE INDEX audit_log_unsealed_idx ON audit_log (municipality_id, id) WHERE seq IS NULL;

REVOKE INSERT ON audit_log FROM eidor_app;
GRANT INSERT (municipality_id, occurred_at, actor_user_id, actor_email, unit_id, role, action, subject_type, subject_id, categories, request_id, ip)
  ON audit_log TO eidor_app;
GRANT UPDATE (seq, prev_hash, hash) ON audit_log TO eidor_app;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO eidor_app;

-- Sealing is the only change an audit row ever takes: once, the chain's three columns, nothing else.
CREATE FUNCTION audit_log_seal_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit rows are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.seq IS NOT NULL
     OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.municipality_id IS DISTINCT FROM OLD.municipality_id
     OR NEW.occurred_at IS DISTINCT FROM OLD.occurred_at
     OR NEW.actor_user_id IS DISTINCT FROM OLD.actor_user_id
     OR NEW.actor_email IS DISTINCT FROM OLD.actor_email
     OR NEW.unit_id IS DISTINCT FROM OLD.unit_id
     OR NEW.role IS DISTINCT FROM OLD.role
     OR NEW.action IS DISTINCT FROM OLD.action
     OR NEW.subject_type IS DISTINCT FROM OLD.subject_type
     OR NEW.subject_id IS DISTINCT FROM OLD.subject_id
     OR NEW.categories IS DISTINCT FROM OLD.categories
     OR NEW.request_id IS DISTINCT FROM OLD.request_id
     OR NEW.ip IS DISTINCT FROM OLD.ip THEN
    RAISE EXCEPTION 'an audit row can only be sealed, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_seal_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_seal_only();
