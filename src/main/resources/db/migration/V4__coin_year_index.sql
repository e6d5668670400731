-- A numeric search also matches the year (pcgs_number has its unique index already).
CREATE INDEX coin_references_year_idx ON coin_references (year);
