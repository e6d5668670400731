-- The latest priced row of each (coin, grade): what current-price reads (performance's current price,
-- sync, the refresh, the catalog's latest per grade, the clients' price lookup) join by hash or merge
-- join, instead of one descent of price_guide_latest_idx per key and request. The price import keeps it
-- in the same statement as its upsert (catalog.PriceGuide.UPSERT), moving each key only forward in date,
-- so a late correction of an older row leaves the newer current price alone.
CREATE TABLE price_guide_latest (
    coin_reference_id text COLLATE "C" NOT NULL REFERENCES coin_references (id) ON DELETE CASCADE,
    grade_code        text COLLATE "C" NOT NULL REFERENCES valid_grades (grade_code),
    price_date        date NOT NULL,
    pcgs_price        numeric(12, 2),
    greysheet_price   numeric(12, 2),
    PRIMARY KEY (coin_reference_id, grade_code)
);

-- Back-fill from the history: a row without either price has never been a current price.
INSERT INTO price_guide_latest (coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price)
SELECT DISTINCT ON (coin_reference_id, grade_code)
       coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price
FROM price_guide
WHERE pcgs_price IS NOT NULL OR greysheet_price IS NOT NULL
ORDER BY coin_reference_id, grade_code, price_date DESC;

ANALYZE price_guide_latest;
