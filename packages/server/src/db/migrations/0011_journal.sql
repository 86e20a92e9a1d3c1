-- Issue 7 §§ 5–7: journal notes (never deleted; a correction is a new version), interpreter use
-- per meeting, and documents (the bytes live in object storage, the row names them by key).

CREATE TABLE journal_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  category text NOT NULL CHECK (category IN ('general','settlement','programme','health','child_welfare','economy')),
  meeting_date date,
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id)
);
CREATE INDEX journal_notes_person_idx ON journal_notes (person_id, created_at DESC);

-- Every version of every note: the first text is version 0; a correction adds the next one.
CREATE TABLE journal_note_versions (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  note_id uuid NOT NULL REFERENCES journal_notes(id),
  version integer NOT NULL CHECK (version >= 0),
  body text NOT NULL,
  reason text,
  written_at timestamptz NOT NULL,
  written_by uuid REFERENCES users(id),
  PRIMARY KEY (note_id, version),
  CHECK ((version = 0) = (reason IS NULL))
);

CREATE TABLE interpreter_uses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  note_id uuid REFERENCES journal_notes(id),
  used_on date NOT NULL,
  category text NOT NULL CHECK (category IN ('general','settlement','programme','health','child_welfare','economy')),
  topic text NOT NULL,
  language text NOT NULL,
  qualification text NOT NULL CHECK (qualification IN ('category_1','category_2','category_3','category_4','category_5','not_registered')),
  status text NOT NULL CHECK (status IN ('booked','used')),
  mode text NOT NULL CHECK (mode IN ('on_site','remote')),
  interpreter_name text,
  register_number text,
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  CHECK (interpreter_name IS NOT NULL OR register_number IS NOT NULL)
);
CREATE INDEX interpreter_uses_person_idx ON interpreter_uses (person_id, used_on DESC);

CREATE TABLE journal_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  category text NOT NULL CHECK (category IN ('general','settlement','programme','health','child_welfare','economy')),
  file_name text NOT NULL,
  doc_type text NOT NULL CHECK (doc_type IN ('pdf','png','jpeg','docx','xlsx')),
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  storage_key text NOT NULL UNIQUE,
  uploaded_at timestamptz NOT NULL,
  uploaded_by uuid REFERENCES users(id)
);
CREATE INDEX journal_documents_person_idx ON journal_documents (person_id, uploaded_at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['journal_notes','journal_note_versions','interpreter_uses','journal_documents'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

-- Notes and their versions are history: insert and read only, never changed or removed.
GRANT SELECT, INSERT ON journal_notes, journal_note_versions, interpreter_uses, journal_documents TO eidor_app;
