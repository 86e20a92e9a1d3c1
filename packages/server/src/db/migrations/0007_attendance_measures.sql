-- Hours per measure (issue 5 § 5: "registration per day and hours per measure"): a participant's day
-- split over the measures of the integration plan in force that day. NIR wants volume per element,
-- and unexcused hours per measure are deducted at the hour unit (1/1850 of the annual amount).
-- A measure is named by its plan and its position in the plan (adopted plans never change).

CREATE TABLE attendance_measures (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  day date NOT NULL,
  plan_id uuid NOT NULL REFERENCES integration_plans(id),
  measure_no integer NOT NULL CHECK (measure_no BETWEEN 0 AND 29),
  present_hours numeric(4,2) NOT NULL CHECK (present_hours BETWEEN 0 AND 24),
  absent_hours numeric(4,2) NOT NULL CHECK (absent_hours BETWEEN 0 AND 24),
  -- The kind of the absent hours (the day's kind or unexcused); null when nothing is absent.
  absence_kind text CHECK (absence_kind IN ('self_certified','doctor_certified','child_sick','pregnancy','birth_mother','birth_father','welfare','unexcused','leave_without_benefit')),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid REFERENCES users(id),
  PRIMARY KEY (person_id, day, plan_id, measure_no),
  FOREIGN KEY (person_id, day) REFERENCES attendance(person_id, day),
  CHECK ((absent_hours = 0) = (absence_kind IS NULL))
);
CREATE INDEX attendance_measures_municipality_day_idx ON attendance_measures (municipality_id, day);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['attendance_measures'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO eidor_app USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON attendance_measures TO eidor_app;
-- Like the day it belongs to, a day's split is a register that is corrected, not history: saving the
-- day with its measures replaces the split.
GRANT DELETE ON attendance_measures TO eidor_app;
