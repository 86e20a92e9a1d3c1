-- The work queue: a unit's (or an assignee's) tasks by status within the municipality, and the kinds
-- among them for the filter, from one index each — without reading the municipality's whole task
-- table and without combining with the municipality index.
CREATE INDEX tasks_unit_status_kind_idx ON tasks (owner_unit_id, status, municipality_id, kind);
CREATE INDEX tasks_assignee_status_kind_idx ON tasks (assignee_user_id, status, municipality_id, kind) WHERE assignee_user_id IS NOT NULL;
