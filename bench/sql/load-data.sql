-- Benchmark data, set-based and deterministic from a seed. Run by run.sh with psql variables:
--   seed     a number in [-1, 1] for setseed()
--   sizes    comma-separated collection sizes, e.g. '100,1000,10000' (one user per size)
--   catalog  number of coins in the catalog
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
