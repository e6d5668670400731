-- The portfolio history reads each guide item's value rows over a date range. The daily refresh writes
-- one row per item per day, so one item's rows lie on as many heap pages as it has days; with the value
-- carried in the key's index the read is an index-only range scan instead (ON CONFLICT (item_id,
-- price_date) still finds this key: included columns are not part of it).
ALTER TABLE item_value_history
    DROP CONSTRAINT item_value_history_item_day,
    ADD CONSTRAINT item_value_history_item_day UNIQUE (item_id, price_date) INCLUDE (value);
