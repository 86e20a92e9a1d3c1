-- Name search that can use its index under row-level security.
--
-- pg_trgm's operators are not LEAKPROOF, so PostgreSQL evaluates `<%` only after the row-level
-- security policy on persons, row by row, and cannot use persons_search_idx: measured with
-- 7,842 people in one municipality (100,000 in all), a name search took 17 requests/s at 20
-- connections (BENCHMARKS.md, people-search). This function finds the matching ids with the index
-- and is the one place the policy is stepped past: it is SECURITY DEFINER (run as the owner of
-- persons, which the policy does not bind), reads only id and search_text, and applies the very
-- condition the policy applies — the municipality set for the transaction. With no municipality
-- set it returns nothing. Everything else (need-to-know, filters, the columns shown) stays in the
-- caller's query, under the policy.
CREATE FUNCTION eidor_person_name_matches(qn text, qk text)
RETURNS TABLE (id uuid, score real)
LANGUAGE sql STABLE SECURITY DEFINER
-- A few hundred matches at most in a municipality: the caller then joins persons by primary key.
ROWS 100
SET search_path = public, pg_temp
AS $$
  SELECT p.id, greatest(word_similarity(qn, p.search_text), word_similarity(qk, p.search_text))
    FROM persons p
   WHERE p.municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid
     AND (qn <% p.search_text OR qk <% p.search_text)
$$;
REVOKE ALL ON FUNCTION eidor_person_name_matches(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eidor_person_name_matches(text, text) TO eidor_app;
