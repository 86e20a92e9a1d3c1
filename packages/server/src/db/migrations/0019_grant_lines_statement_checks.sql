-- IMDi's payment list is imported with COPY: 100,000 lines at a time (issue 6, Speed). The three
-- foreign keys of grant_payment_lines (municipality, list, person) were checked row by row — three
-- lookups and row locks a line, together twice the time of the COPY itself. The same references are
-- now checked once a statement, over all of its new rows with one join each, and more strictly: a
-- line's list and person must belong to the line's municipality (the list's own foreign key to
-- municipalities covers the municipality).
--
-- What the foreign keys also did, refuse deleting a referenced list or person, is not needed for the
-- application: its role may not delete persons, payment lists or municipalities (0002, 0008). A
-- maintenance script running as the owner that deletes people must delete or unlink their payment
-- lines first.
ALTER TABLE grant_payment_lines
  DROP CONSTRAINT grant_payment_lines_municipality_id_fkey,
  DROP CONSTRAINT grant_payment_lines_list_id_fkey,
  DROP CONSTRAINT grant_payment_lines_person_id_fkey;

CREATE FUNCTION grant_payment_lines_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  -- Each distinct list and person once (a list has one list and thousands of lines).
  SELECT n.list_id INTO bad FROM (SELECT DISTINCT list_id, municipality_id FROM grant_lines_new) n
   WHERE NOT EXISTS (SELECT 1 FROM grant_payment_lists l WHERE l.id = n.list_id AND l.municipality_id = n.municipality_id)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'grant_payment_lines: list % is not a payment list of the line''s municipality', bad.list_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT n.person_id INTO bad FROM (SELECT DISTINCT person_id, municipality_id FROM grant_lines_new WHERE person_id IS NOT NULL) n
   WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = n.person_id AND p.municipality_id = n.municipality_id)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'grant_payment_lines: person % is not a person of the line''s municipality', bad.person_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER grant_payment_lines_references_ins AFTER INSERT ON grant_payment_lines
  REFERENCING NEW TABLE AS grant_lines_new FOR EACH STATEMENT EXECUTE FUNCTION grant_payment_lines_check_references();
CREATE TRIGGER grant_payment_lines_references_upd AFTER UPDATE ON grant_payment_lines
  REFERENCING NEW TABLE AS grant_lines_new FOR EACH STATEMENT EXECUTE FUNCTION grant_payment_lines_check_references();
