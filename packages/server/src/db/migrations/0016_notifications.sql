-- Notifications (issue 7 point 8): the in-app inbox, each user's choice of delivery per kind, the
-- daily digests sent, and the runs of the daily jobs. Mails themselves go to the outbox (0001).

-- One row per recipient. `params` are non-personal strings for the text; `person_id` lets the inbox
-- show the person's name at read time, and only to a reader who may still see that person.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{1,48}$'),
  person_id uuid REFERENCES persons(id),
  link text NOT NULL CHECK (link ~ '^/[^/]' AND length(link) <= 500),
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The recipient's delivery choice when it arrived: in the inbox only, an e-mail at once, or the digest.
  delivery text NOT NULL CHECK (delivery IN ('in_app','email','digest')),
  -- Makes a notification once-only per recipient (e.g. one "deadline coming" per task and due date).
  source_key text,
  actor_user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  digested_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_digest_idx ON notifications (municipality_id, created_at) WHERE delivery = 'digest' AND digested_at IS NULL;
CREATE UNIQUE INDEX notifications_source_uq ON notifications (user_id, source_key) WHERE source_key IS NOT NULL;

-- A user's choice per kind; a kind without a row uses the default from domain/notifications.
CREATE TABLE notification_preferences (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{1,48}$'),
  delivery text NOT NULL CHECK (delivery IN ('in_app','email','digest')),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, kind)
);

-- The language of a user's notification mails (the inbox follows the screen's language).
CREATE TABLE notification_settings (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  user_id uuid PRIMARY KEY REFERENCES users(id),
  mail_language text NOT NULL CHECK (mail_language IN ('nb','nn','en')),
  updated_at timestamptz NOT NULL
);

-- One digest per user and day: the primary key makes a second run of the same day a no-op.
CREATE TABLE notification_digests (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  user_id uuid NOT NULL REFERENCES users(id),
  digest_date date NOT NULL,
  item_count integer NOT NULL CHECK (item_count > 0),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, digest_date)
);

-- The daily jobs' runs per municipality and day, so two processes never run a job twice a day.
CREATE TABLE job_runs (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  job text NOT NULL,
  run_date date NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  result jsonb,
  PRIMARY KEY (municipality_id, job, run_date)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['notifications','notification_preferences','notification_settings','notification_digests','job_runs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

-- Notifications are marked read, never removed; digests and job runs are history.
GRANT SELECT, INSERT, UPDATE ON notifications, notification_preferences, notification_settings, job_runs TO eidor_app;
GRANT SELECT, INSERT ON notification_digests TO eidor_app;
