-- Benchmark data, set-based and deterministic from a seed. Run by run.sh with psql variables:
--   seed     a number in [-1, 1] for setseed()
--   sizes    comma-separated collection sizes, e.g. '100,1000,10000' (one user per size)
--   catalog  number of coins in the catalog
--   portfolio_sizes  comma-separated sizes of the portfolio users' mixed collections, e.g. '1000,10000'
--   refresh_users    users whose 100 guide_price items each the refresh phase values (1,000: 100,000 items)
-- The schema already exists: the service's own Flyway migration created it.

\set ON_ERROR_STOP on

-- random() must be drawn in the same order every run: a parallel plan would interleave workers.
SET max_parallel_workers_per_gather = 0;
SELECT setseed(:seed);

-- ---- Catalog: :catalog coins. The last 5% of them are never priced (see the items below). ----
CREATE TEMP TABLE bench_series (n int PRIMARY KEY, series text, denomination text, metal text, weight_oz numeric);
INSERT INTO bench_series VALUES
    (0, 'Lincoln Cent', '1C', 'copper', 0.1000), (1, 'Buffalo Nickel', '5C', 'copper', 0.1764),
    (2, 'Mercury Dime', '10C', 'silver', 0.0723), (3, 'Washington Quarter', '25C', 'silver', 0.1808),
    (4, 'Walking Liberty Half', '50C', 'silver', 0.3617), (5, 'Morgan Dollar', '$1', 'silver', 0.7734),
    (6, 'Peace Dollar', '$1', 'silver', 0.7734), (7, 'Indian Head Eagle', '$10', 'gold', 0.4838),
    (8, 'Liberty Double Eagle', '$20', 'gold', 0.9675), (9, 'Saint-Gaudens Double Eagle', '$20', 'gold', 0.9675);

INSERT INTO coin_references (id, pcgs_number, year, mint_mark, denomination, series, metal, weight_oz, fineness,
                             mintage, full_name)
SELECT c.id, 100000 + c.n, c.year, c.mint_mark, s.denomination, s.series, s.metal, s.weight_oz, 0.900, c.mintage,
       c.year || coalesce('-' || c.mint_mark, '') || ' ' || s.series
FROM (
    SELECT n, 'coin-' || lpad(n::text, 5, '0') AS id,
           1850 + floor(random() * 175)::int AS year,
           (ARRAY[NULL, 'S', 'D', 'O', 'CC'])[1 + floor(random() * 5)::int] AS mint_mark,
           floor(random() * 10)::int AS series_n,
           (10000 + floor(random() * 50000000))::bigint AS mintage
    FROM generate_series(1, :catalog) AS n
) c
JOIN bench_series s ON s.n = c.series_n;

-- ---- Collections: one user per size, every item a numismatic guide_price coin. ----
-- Exactly 5% of items (i % 20 = 0) hold a coin from the never-priced part of the catalog, so they have
-- no price at all; another 5% (i % 20 = 10) carry an estimated grade ('~MS65'). 30% have no title,
-- so performance has to look up the coin's name.
CREATE TEMP TABLE bench_grades AS
SELECT array_agg(grade_code ORDER BY display_order) AS codes FROM valid_grades;

INSERT INTO collection_items (id, user_id, category, type, title, metal, quantity, coin_reference_id, grade,
                              grading_service, is_grade_estimated, book_value_type, purchase_date,
                              purchase_price, created_at, updated_at)
SELECT format('item-%s-%s', u.size, lpad(i::text, 5, '0')), 'bench-user-' || u.size,
       'NUMISMATIC', 'itemized',
       CASE WHEN random() < 0.3 THEN NULL ELSE 'Bench coin ' || u.size || '/' || i END,
       'silver', 1,
       'coin-' || lpad((CASE WHEN i % 20 = 0
                             THEN floor(:catalog * 0.95) + 1 + floor(random() * (:catalog * 0.05))
                             ELSE 1 + floor(random() * floor(:catalog * 0.95)) END)::int::text, 5, '0'),
       CASE WHEN i % 20 = 10 THEN '~' ELSE '' END || g.codes[1 + floor(random() * array_length(g.codes, 1))::int],
       CASE WHEN i % 20 = 10 THEN 'RAW' ELSE 'PCGS' END,
       i % 20 = 10, 'guide_price',
       DATE '2015-01-01' + floor(random() * 3000)::int, round((10 + random() * 5000)::numeric, 2),
       now() - make_interval(mins => i), now() - make_interval(mins => i)
FROM (
    -- Ordered first, so random() is drawn row by row in this order whatever join the planner picks.
    SELECT u.size, i
    FROM (SELECT unnest(string_to_array(:'sizes', ','))::int AS size) u
    CROSS JOIN LATERAL generate_series(1, u.size) AS i
    ORDER BY u.size, i
) AS u
CROSS JOIN bench_grades g;

-- ---- Price guide: a weekly row for 53 weeks up to today (UTC) for every priced key the items use. ----
-- Each key gets its own base price and yearly trend; 30% of rows have no Greysheet price.
INSERT INTO price_guide (coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price, price_source)
WITH keys AS MATERIALIZED (
    SELECT coin_reference_id, grade_code,
           exp(ln(20) + random() * ln(1000)) AS base,   -- 20 .. 20,000, log-uniform
           -0.2 + random() * 0.5 AS trend               -- -20% .. +30% over the year
    FROM (SELECT DISTINCT coin_reference_id, ltrim(grade, '~') AS grade_code
          FROM collection_items
          WHERE user_id LIKE 'bench-user-%' AND coin_reference_id <= 'coin-' || lpad(floor(:catalog * 0.95)::int::text, 5, '0')
          ORDER BY 1, 2) k
), rows AS MATERIALIZED (
    SELECT k.coin_reference_id, k.grade_code, (now() AT TIME ZONE 'UTC')::date - 7 * k.w AS price_date,
           round((k.base * (1 - k.trend * k.w / 52.0) * (0.97 + random() * 0.06))::numeric, 2) AS pcgs,
           random() < 0.3 AS no_greysheet
    FROM (SELECT k.*, w FROM keys k CROSS JOIN generate_series(0, 52) AS w
          ORDER BY k.coin_reference_id, k.grade_code, w) AS k
)
SELECT coin_reference_id, grade_code, price_date, pcgs,
       CASE WHEN no_greysheet THEN NULL ELSE round(pcgs * 0.92, 2) END,
       CASE WHEN no_greysheet THEN 'pcgs' ELSE 'both' END
FROM rows;

-- The service's current prices live in price_guide_latest, which the import keeps; rows loaded straight
-- into price_guide need it recomputed (the same query as migration V7's back-fill).
INSERT INTO price_guide_latest (coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price)
SELECT DISTINCT ON (coin_reference_id, grade_code)
       coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price
FROM price_guide
WHERE pcgs_price IS NOT NULL OR greysheet_price IS NOT NULL
ORDER BY coin_reference_id, grade_code, price_date DESC
ON CONFLICT (coin_reference_id, grade_code) DO UPDATE SET price_date = excluded.price_date,
    pcgs_price = excluded.pcgs_price, greysheet_price = excluded.greysheet_price;
ANALYZE price_guide_latest;

-- What was loaded, for the log.
SELECT (SELECT count(*) FROM coin_references) AS coins,
       (SELECT count(*) FROM collection_items) AS items,
       (SELECT count(*) FROM price_guide) AS price_rows,
       (SELECT count(*) FROM price_guide WHERE greysheet_price IS NULL) AS rows_without_greysheet;

-- ---- Portfolio users: realistic mixes, one user per portfolio size ('bench-portfolio-N'). ----
-- 60% BULLION spot_premium (mostly silver and gold, 1/10 oz to 10 oz, some bulk lots), 28% NUMISMATIC
-- guide_price with the coin's metal content and a guide value (10% of them not yet priced), 8% custom,
-- 4% copper coins (no spot price). Purchase dates over three years, so history sees holdings grow.
CREATE TEMP TABLE bench_bullion (n int PRIMARY KEY, metal text, weight_oz numeric);
INSERT INTO bench_bullion VALUES
    (0, 'silver', 1), (1, 'silver', 10), (2, 'gold', 1), (3, 'silver', 1), (4, 'gold', 0.1),
    (5, 'platinum', 1), (6, 'silver', 100), (7, 'gold', 0.5), (8, 'palladium', 1), (9, 'silver', 1);

INSERT INTO collection_items (id, user_id, category, type, title, metal, quantity, weight_oz, metal_purity,
                              metal_weight_oz, precious_metal_oz, coin_reference_id, grade, grading_service,
                              book_value_type, custom_book_value, premium_percent, numismatic_value,
                              spot_price_at_creation, purchase_date, purchase_price, created_at, updated_at)
SELECT format('pf-%s-%s', x.size, lpad(x.i::text, 5, '0')), 'bench-portfolio-' || x.size,
       CASE WHEN x.kind IN ('bullion') THEN 'BULLION' ELSE 'NUMISMATIC' END,
       CASE WHEN x.kind = 'bullion' THEN (CASE WHEN x.r1 < 0.2 THEN 'bulk' ELSE 'itemized' END) END,
       'Portfolio item ' || x.i,
       CASE x.kind WHEN 'bullion' THEN b.metal WHEN 'copper' THEN 'copper' ELSE c.metal END,
       CASE WHEN x.kind = 'bullion' THEN 1 + floor(x.r2 * 20)::int ELSE 1 + floor(x.r2 * 2)::int END,
       CASE WHEN x.kind = 'bullion' THEN b.weight_oz END,
       CASE WHEN x.kind IN ('guide', 'custom') THEN c.fineness END,
       CASE WHEN x.kind IN ('guide', 'custom') THEN c.weight_oz END,
       CASE WHEN x.kind IN ('guide', 'custom') THEN round(c.weight_oz * c.fineness, 6) END,
       CASE WHEN x.kind <> 'bullion' THEN c.id END,
       CASE WHEN x.kind <> 'bullion' THEN 'MS6' || floor(x.r1 * 10)::int END,
       CASE WHEN x.kind <> 'bullion' THEN 'PCGS' END,
       CASE x.kind WHEN 'bullion' THEN 'spot_premium' WHEN 'guide' THEN 'guide_price' ELSE 'custom' END,
       CASE WHEN x.kind IN ('custom', 'copper') THEN round((5 + x.r3 * 2000)::numeric, 2) END,
       CASE WHEN x.kind = 'bullion' AND x.r3 > 0.1 THEN round((x.r3 * 15)::numeric, 2) END,
       CASE WHEN x.kind = 'guide' AND x.r3 > 0.1 THEN round((50 + x.r3 * 5000)::numeric, 2) END,
       CASE WHEN x.kind = 'bullion' AND x.r1 >= 0.8 THEN round((20 + x.r3 * 2000)::numeric, 2) END,
       (now() AT TIME ZONE 'UTC')::date - floor(x.r4 * 1100)::int,
       CASE WHEN x.r1 < 0.8 THEN round((10 + x.r4 * 3000)::numeric, 2) END,
       now() - make_interval(days => floor(x.r4 * 1100)::int), now()
FROM (
    SELECT p.size, p.i,
           CASE WHEN p.i % 25 < 15 THEN 'bullion' WHEN p.i % 25 < 22 THEN 'guide'
                WHEN p.i % 25 < 24 THEN 'custom' ELSE 'copper' END AS kind,
           random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
    FROM (SELECT p.size, i
          FROM (SELECT unnest(string_to_array(:'portfolio_sizes', ','))::int AS size) p
          CROSS JOIN LATERAL generate_series(1, p.size) AS i
          ORDER BY p.size, i) p
) x
JOIN bench_bullion b ON b.n = floor(x.r5 * 10)::int
JOIN coin_references c ON c.id = 'coin-' || lpad((1 + floor(x.r5 * floor(:catalog * 0.95)))::int::text, 5, '0');

-- A weekly value-history row for a year for every priced guide item (what history reads before today).
INSERT INTO item_value_history (item_id, price_date, value, value_type, source)
SELECT i.id, (now() AT TIME ZONE 'UTC')::date - 7 * w,
       round(i.numismatic_value * (1 - 0.002 * w) * (0.97 + random() * 0.06)::numeric, 2), 'guide_price', 'pcgs'
FROM collection_items i CROSS JOIN generate_series(1, 52) AS w
WHERE i.user_id LIKE 'bench-portfolio-%' AND i.book_value_type = 'guide_price' AND i.numismatic_value IS NOT NULL
ORDER BY i.id, w;

-- ---- Spot prices: an hourly row for a year for the four metals, when the schema has the table. ----
-- The portfolio routes' migration may not be merged yet: then there is no table and nothing to load.
DO $$
BEGIN
    IF to_regclass('spot_prices') IS NOT NULL THEN
        EXECUTE $sql$
            INSERT INTO spot_prices (metal, observed_at, price_per_oz, source)
            SELECT m.metal, date_trunc('hour', now()) - make_interval(hours => h),
                   round((m.base * (1 - m.trend * h / 8760.0) * (0.995 + random() * 0.01))::numeric, 2), 'bench'
            FROM (VALUES ('gold', 2650.0, 0.25), ('silver', 31.0, 0.30), ('platinum', 980.0, 0.05),
                         ('palladium', 1010.0, -0.15)) AS m (metal, base, trend)
            CROSS JOIN generate_series(0, 365 * 24 - 1) AS h
            ORDER BY m.metal, h
        $sql$;
    ELSE
        RAISE NOTICE 'no spot_prices table in this schema: the portfolio phases will find their routes missing';
    END IF;
END $$;

-- ---- Refresh: :refresh_users users ('bench-refresh-NNNN') with 100 guide_price items each. ----
-- Their (coin, grade) keys are drawn from the priced keys above, so the refresh has a price for each.
CREATE TEMP TABLE bench_keys AS
SELECT row_number() OVER (ORDER BY coin_reference_id, grade_code) AS n, coin_reference_id, grade_code
FROM (SELECT DISTINCT coin_reference_id, grade_code FROM price_guide) k;

INSERT INTO collection_items (id, user_id, category, type, title, metal, quantity, coin_reference_id, grade,
                              grading_service, book_value_type, purchase_date, purchase_price, created_at, updated_at)
SELECT format('rf-%s-%s', lpad(r.u::text, 4, '0'), lpad(r.i::text, 3, '0')), 'bench-refresh-' || lpad(r.u::text, 4, '0'),
       'NUMISMATIC', 'itemized', 'Refresh coin ' || r.u || '/' || r.i, 'silver', 1 + floor(r.q * 3)::int,
       k.coin_reference_id, k.grade_code, 'PCGS', 'guide_price', DATE '2015-01-01' + floor(r.q * 3000)::int,
       round((10 + r.q * 5000)::numeric, 2), now(), now()
FROM (
    SELECT u, i, 1 + floor(random() * (SELECT count(*) FROM bench_keys))::int AS key_n, random() AS q
    FROM generate_series(1, :refresh_users) AS u CROSS JOIN generate_series(1, 100) AS i
    ORDER BY u, i
) r
JOIN bench_keys k ON k.n = r.key_n;

-- The portfolio and refresh data, for the log.
SELECT (SELECT count(*) FROM collection_items WHERE user_id LIKE 'bench-portfolio-%') AS portfolio_items,
       (SELECT count(*) FROM item_value_history WHERE item_id LIKE 'pf-%') AS portfolio_history_rows,
       (SELECT count(*) FROM collection_items WHERE user_id LIKE 'bench-refresh-%') AS refresh_items;
