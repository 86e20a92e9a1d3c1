-- Issue 7 § 1: responsibility groups (ansvarsgruppe) per person. Members from several units (and
-- external participants by name and role) with one coordinator (changes kept as history); meetings
-- with agenda, minutes and decisions under a category that decides who reads them; action points
-- with an owner unit and a due date, each open one a task on the shared work queue.

CREATE TABLE responsibility_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','closed')),
  closed_at timestamptz,
  closed_by uuid REFERENCES users(id),
  closed_reason text,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
-- One active group per person: a second one would split the coordination the group exists for.
CREATE UNIQUE INDEX responsibility_groups_active_uq ON responsibility_groups (person_id) WHERE status = 'active';
CREATE INDEX responsibility_groups_person_idx ON responsibility_groups (person_id, created_at DESC);

-- A member is a user representing a unit, or an external participant (the person, a guardian, a GP …)
-- recorded by name. Membership ends (left_at) but is never removed: who was in the group is history.
CREATE TABLE responsibility_group_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  group_id uuid NOT NULL REFERENCES responsibility_groups(id),
  user_id uuid REFERENCES users(id),
  unit_id uuid REFERENCES units(id),
  external_kind text CHECK (external_kind IN ('person','guardian','gp','other')),
  external_name text,
  role_in_group text NOT NULL,
  added_at timestamptz NOT NULL,
  added_by uuid REFERENCES users(id),
  left_at timestamptz,
  left_by uuid REFERENCES users(id),
  CHECK ((user_id IS NOT NULL AND unit_id IS NOT NULL AND external_kind IS NULL AND external_name IS NULL)
      OR (user_id IS NULL AND unit_id IS NULL AND external_kind IS NOT NULL AND external_name IS NOT NULL))
);
CREATE INDEX responsibility_group_members_group_idx ON responsibility_group_members (group_id);
CREATE INDEX responsibility_group_members_user_idx ON responsibility_group_members (user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX responsibility_group_members_active_uq ON responsibility_group_members (group_id, user_id, unit_id) WHERE user_id IS NOT NULL AND left_at IS NULL;

-- The coordinator over time: the open row (until_at null) is the current one.
CREATE TABLE responsibility_group_coordinators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  group_id uuid NOT NULL REFERENCES responsibility_groups(id),
  member_id uuid NOT NULL REFERENCES responsibility_group_members(id),
  user_id uuid NOT NULL REFERENCES users(id),
  from_at timestamptz NOT NULL,
  until_at timestamptz,
  set_by uuid REFERENCES users(id)
);
CREATE UNIQUE INDEX responsibility_group_coordinators_current_uq ON responsibility_group_coordinators (group_id) WHERE until_at IS NULL;

CREATE TABLE responsibility_group_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  group_id uuid NOT NULL REFERENCES responsibility_groups(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  held_on date NOT NULL,
  mode text NOT NULL CHECK (mode IN ('on_site','video','phone')),
  place text,
  agenda jsonb NOT NULL DEFAULT '[]',
  -- The category of the minutes: who may read them follows the access policy of that category.
  category text NOT NULL CHECK (category IN ('general','settlement','programme','health','child_welfare','economy')),
  minutes text,
  attendee_member_ids uuid[] NOT NULL DEFAULT '{}',
  -- A link to the interpreter use recorded in the journal (language, register category, booked or used live there).
  interpreter_use_id uuid REFERENCES interpreter_uses(id),
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES users(id)
);
CREATE INDEX responsibility_group_meetings_group_idx ON responsibility_group_meetings (group_id, held_on DESC);

-- Each decision a line, with its own category (the meeting's by default).
CREATE TABLE responsibility_group_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  meeting_id uuid NOT NULL REFERENCES responsibility_group_meetings(id),
  position integer NOT NULL,
  body text NOT NULL,
  category text NOT NULL CHECK (category IN ('general','settlement','programme','health','child_welfare','economy')),
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  UNIQUE (meeting_id, position)
);

CREATE TABLE responsibility_group_action_points (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  meeting_id uuid NOT NULL REFERENCES responsibility_group_meetings(id),
  group_id uuid NOT NULL REFERENCES responsibility_groups(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  body text NOT NULL,
  category text NOT NULL CHECK (category IN ('general','settlement','programme','health','child_welfare','economy')),
  owner_unit_id uuid NOT NULL REFERENCES units(id),
  owner_user_id uuid REFERENCES users(id),
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),
  done_at timestamptz,
  done_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX responsibility_group_action_points_meeting_idx ON responsibility_group_action_points (meeting_id);
CREATE INDEX responsibility_group_action_points_group_idx ON responsibility_group_action_points (group_id, status);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['responsibility_groups','responsibility_group_members','responsibility_group_coordinators',
                           'responsibility_group_meetings','responsibility_group_decisions','responsibility_group_action_points'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

-- Nothing here is deleted: a group closes, a membership ends, a coordinator is succeeded, decisions stay.
GRANT SELECT, INSERT, UPDATE ON responsibility_groups, responsibility_group_members, responsibility_group_coordinators,
  responsibility_group_meetings, responsibility_group_action_points TO eidor_app;
GRANT SELECT, INSERT ON responsibility_group_decisions TO eidor_app;
