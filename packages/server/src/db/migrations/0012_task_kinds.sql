-- The work queue's kind filter lists the kinds in the queue being looked at; these indexes answer it
-- without reading the municipality's whole task table.
CREATE INDEX tasks_unit_status_kind_idx ON tasks (owner_unit_id, status, kind);
CREATE INDEX tasks_assignee_status_kind_idx ON tasks (assignee_user_id, status, kind) WHERE assignee_user_id IS NOT NULL;
