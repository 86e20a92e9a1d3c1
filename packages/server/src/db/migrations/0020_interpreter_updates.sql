-- Issue 7 § 7: an interpreter record changes after it is created — a booking becomes "used" (the name or
-- register number learned on the day) or is cancelled with a reason; used and cancelled are final.
-- Every change keeps the state it replaced in interpreter_use_history (insert-only), so an inspection sees
-- that a booking became "used", when, and who changed it.

ALTER TABLE interpreter_uses
  ADD COLUMN version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
  ADD COLUMN updated_at timestamptz,
  ADD COLUMN updated_by uuid REFERENCES users(id),
  ADD COLUMN cancel_reason text;

-- 0011 named the constraints implicitly: interpreter_uses_status_check (booked/used) and
-- interpreter_uses_check (name or register number always). A booking may now be made before the
-- interpreter is known; a use must name them; a cancellation must give its reason.
ALTER TABLE interpreter_uses DROP CONSTRAINT interpreter_uses_status_check;
ALTER TABLE interpreter_uses DROP CONSTRAINT interpreter_uses_check;
ALTER TABLE interpreter_uses
  ADD CONSTRAINT interpreter_uses_status_check CHECK (status IN ('booked','used','cancelled')),
  ADD CONSTRAINT interpreter_uses_used_names_interpreter CHECK (status <> 'used' OR interpreter_name IS NOT NULL OR register_number IS NOT NULL),
  ADD CONSTRAINT interpreter_uses_cancel_reason CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
  ADD CONSTRAINT interpreter_uses_updated CHECK ((version = 0) = (updated_at IS NULL));

-- One row per change: the record as it was before the change (at `version`), and when, by whom and to
-- which status it was changed. The current state is the row in interpreter_uses.
CREATE TABLE interpreter_use_history (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  interpreter_use_id uuid NOT NULL REFERENCES interpreter_uses(id),
  version integer NOT NULL CHECK (version >= 0),
  status text NOT NULL CHECK (status IN ('booked','used','cancelled')),
  used_on date NOT NULL,
  qualification text NOT NULL,
  mode text NOT NULL,
  interpreter_name text,
  register_number text,
  cancel_reason text,
  new_status text NOT NULL CHECK (new_status IN ('booked','used','cancelled')),
  changed_at timestamptz NOT NULL,
  changed_by uuid REFERENCES users(id),
  PRIMARY KEY (interpreter_use_id, version)
);

ALTER TABLE interpreter_use_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON interpreter_use_history TO eidor_app
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);

-- Only the changeable columns may be updated; the person, category, topic, language, note and creation stay.
GRANT UPDATE (status, used_on, qualification, mode, interpreter_name, register_number, cancel_reason, version, updated_at, updated_by)
  ON interpreter_uses TO eidor_app;
-- The history is history: insert and read only.
GRANT SELECT, INSERT ON interpreter_use_history TO eidor_app;
