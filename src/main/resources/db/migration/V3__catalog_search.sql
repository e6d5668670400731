-- Search asks for substrings of full_name and series ("every word of q"), which a trigram
-- GIN index answers without a sequential scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX coin_references_search_idx
    ON coin_references USING gin ((lower(full_name || ' ' || series)) gin_trgm_ops);
