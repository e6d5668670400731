-- The priced price-guide rows in date order: performance's price at a cut-off reads the rows of the week
-- before the cut-off for all its keys in one range scan of this index and joins them by hash or merge
-- join, instead of one descent of price_guide_latest_idx per key (valuation.LatestPriceQueries). Only
-- priced rows: a row with neither price is never a price, so it has no place here. INCLUDE keeps the
-- read index-only.
CREATE INDEX price_guide_priced_by_date_idx
    ON price_guide (price_date, coin_reference_id, grade_code)
    INCLUDE (pcgs_price, greysheet_price)
    WHERE pcgs_price IS NOT NULL OR greysheet_price IS NOT NULL;
