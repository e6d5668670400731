-- Dev mode only (quarkus.flyway.locations in the dev profile): a small catalog, a year of weekly
-- prices ending today, and a collection for the demo user, so the valuation routes show
-- real-looking results at once. Repeatable and idempotent: re-run whenever this file changes.

INSERT INTO coin_references (id, pcgs_number, year, mint_mark, denomination, series, variety, metal, weight_oz, fineness, mintage, full_name)
VALUES
    ('demo-coin-2426', 2426, 1909, 'S', '1C', 'Lincoln Cent', 'VDB', 'copper', 0.1000, 0.950, 484000, '1909-S VDB Lincoln Cent'),
    ('demo-coin-2428', 2428, 1914, 'D', '1C', 'Lincoln Cent', NULL, 'copper', 0.1000, 0.950, 1193000, '1914-D Lincoln Cent'),
    ('demo-coin-4924', 4924, 1916, 'D', '10C', 'Mercury Dime', NULL, 'silver', 0.0723, 0.900, 264000, '1916-D Mercury Dime'),
    ('demo-coin-7296', 7296, 1881, 'S', '$1', 'Morgan Dollar', NULL, 'silver', 0.7734, 0.900, 12760000, '1881-S Morgan Dollar'),
    ('demo-coin-7172', 7172, 1893, 'S', '$1', 'Morgan Dollar', NULL, 'silver', 0.7734, 0.900, 100000, '1893-S Morgan Dollar'),
    ('demo-coin-7356', 7356, 1921, NULL, '$1', 'Peace Dollar', 'High Relief', 'silver', 0.7734, 0.900, 1006473, '1921 Peace Dollar High Relief'),
    ('demo-coin-9139', 9139, 1986, NULL, '$1', 'Silver Eagle', NULL, 'silver', 1.0000, 0.999, 5393005, '1986 American Silver Eagle'),
    ('demo-coin-7806', 7806, 1916, NULL, '25C', 'Standing Liberty Quarter', NULL, 'silver', 0.1808, 0.900, 52000, '1916 Standing Liberty Quarter'),
    ('demo-coin-9164', 9164, 1907, NULL, '$20', 'Saint-Gaudens Double Eagle', 'High Relief', 'gold', 0.9675, 0.900, 12367, '1907 Saint-Gaudens Double Eagle High Relief'),
    ('demo-coin-8906', 8906, 1924, NULL, '$20', 'Saint-Gaudens Double Eagle', NULL, 'gold', 0.9675, 0.900, 4323500, '1924 Saint-Gaudens Double Eagle'),
    ('demo-coin-3938', 3938, 1937, 'D', '5C', 'Buffalo Nickel', '3-Legged', 'copper', 0.1764, 0.250, 17826000, '1937-D Buffalo Nickel 3-Legged'),
    ('demo-coin-6576', 6576, 1932, 'D', '25C', 'Washington Quarter', NULL, 'silver', 0.1808, 0.900, 436800, '1932-D Washington Quarter')
ON CONFLICT (pcgs_number) DO NOTHING;

-- Weekly rows for 53 weeks up to today for each (coin, grade) the demo collection holds. Each series
-- drifts along its own trend with a seasonal wobble; every third week has no Greysheet price.
WITH series (coin_id, grade_code, base, trend) AS (
    VALUES ('demo-coin-2426', 'MS65', 2450.00, 0.06), ('demo-coin-2426', 'VF30', 1150.00, 0.03),
           ('demo-coin-2428', 'F12', 520.00, -0.04), ('demo-coin-4924', 'VG10', 1600.00, 0.08),
           ('demo-coin-7296', 'MS64', 95.00, 0.12), ('demo-coin-7296', 'MS65', 210.00, 0.10),
           ('demo-coin-7172', 'EF40', 4300.00, -0.02), ('demo-coin-7356', 'MS63', 310.00, 0.05),
           ('demo-coin-9139', 'MS69', 85.00, 0.15), ('demo-coin-7806', 'AU55', 11500.00, -0.07),
           ('demo-coin-9164', 'MS63', 26500.00, 0.09), ('demo-coin-8906', 'MS65', 3150.00, 0.11),
           ('demo-coin-3938', 'AU58', 1150.00, 0.02), ('demo-coin-6576', 'VF20', 140.00, -0.05)
), weeks AS (
    SELECT w, (now() AT TIME ZONE 'UTC')::date - 7 * w AS price_date FROM generate_series(0, 52) AS w
), priced AS (
    SELECT s.coin_id, s.grade_code, wk.price_date, wk.w,
           round((s.base * (1 - s.trend * wk.w / 52.0) * (1 + 0.03 * sin(wk.w / 4.0 + length(s.coin_id || s.grade_code))))::numeric, 2) AS pcgs
    FROM series s CROSS JOIN weeks wk
)
INSERT INTO price_guide (coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price, price_source)
SELECT coin_id, grade_code, price_date, pcgs,
       CASE WHEN w % 3 = 1 THEN NULL ELSE round(pcgs * 0.92, 2) END,
       CASE WHEN w % 3 = 1 THEN 'pcgs' ELSE 'both' END
FROM priced
ON CONFLICT (coin_reference_id, grade_code, price_date) DO NOTHING;

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

INSERT INTO collection_items (id, user_id, category, type, title, metal, quantity, weight_oz, metal_purity,
                              coin_reference_id, grade, grading_service, is_grade_estimated, book_value_type,
                              custom_book_value, purchase_date, purchase_price, created_at, updated_at)
VALUES
    ('demo-item-01', 'demo-user', 'NUMISMATIC', 'itemized', '1909-S VDB in MS65', 'copper', 1, 0.1, 0.95, 'demo-coin-2426', 'MS65', 'PCGS', false, 'guide_price', NULL, '2023-05-02', 1900.00, now() - interval '300 days', now() - interval '300 days'),
    ('demo-item-02', 'demo-user', 'NUMISMATIC', 'itemized', NULL, 'copper', 1, 0.1, 0.95, 'demo-coin-2426', '~VF30', 'RAW', true, 'guide_price', NULL, '2024-01-15', 900.00, now() - interval '280 days', now() - interval '280 days'),
    ('demo-item-03', 'demo-user', 'NUMISMATIC', 'itemized', 'Key date 1914-D', 'copper', 1, 0.1, 0.95, 'demo-coin-2428', 'F12', 'NGC', false, 'guide_price', NULL, '2022-09-10', 480.00, now() - interval '250 days', now() - interval '250 days'),
    ('demo-item-04', 'demo-user', 'NUMISMATIC', 'itemized', NULL, 'silver', 1, 0.0723, 0.9, 'demo-coin-4924', 'VG10', 'PCGS', false, 'guide_price', NULL, '2021-03-20', 1250.00, now() - interval '240 days', now() - interval '240 days'),
    ('demo-item-05', 'demo-user', 'NUMISMATIC', 'itemized', 'Morgan 1881-S', 'silver', 1, 0.7734, 0.9, 'demo-coin-7296', 'MS64', 'PCGS', false, 'guide_price', NULL, '2024-06-01', 80.00, now() - interval '200 days', now() - interval '200 days'),
    ('demo-item-06', 'demo-user', 'NUMISMATIC', 'itemized', 'Morgan 1881-S gem', 'silver', 1, 0.7734, 0.9, 'demo-coin-7296', '~MS65', 'RAW', true, 'guide_price', NULL, '2024-06-01', 150.00, now() - interval '199 days', now() - interval '199 days'),
    ('demo-item-07', 'demo-user', 'NUMISMATIC', 'itemized', NULL, 'silver', 1, 0.7734, 0.9, 'demo-coin-7172', 'EF40', 'PCGS', false, 'guide_price', NULL, '2020-11-11', 3900.00, now() - interval '180 days', now() - interval '180 days'),
    ('demo-item-08', 'demo-user', 'NUMISMATIC', 'itemized', 'High relief Peace', 'silver', 1, 0.7734, 0.9, 'demo-coin-7356', 'MS63', 'NGC', false, 'guide_price', NULL, '2023-02-14', 260.00, now() - interval '150 days', now() - interval '150 days'),
    ('demo-item-09', 'demo-user', 'NUMISMATIC', 'itemized', 'First-year Silver Eagle', 'silver', 1, 1.0, 0.999, 'demo-coin-9139', 'MS69', 'PCGS', false, 'guide_price', NULL, '2024-12-24', 70.00, now() - interval '120 days', now() - interval '120 days'),
    ('demo-item-10', 'demo-user', 'NUMISMATIC', 'itemized', NULL, 'silver', 1, 0.1808, 0.9, 'demo-coin-7806', 'AU55', 'PCGS', false, 'custom', 12000.00, '2019-08-08', 9800.00, now() - interval '100 days', now() - interval '100 days'),
    ('demo-item-11', 'demo-user', 'NUMISMATIC', 'itemized', 'MCMVII High Relief', 'gold', 1, 0.9675, 0.9, 'demo-coin-9164', 'MS63', 'PCGS', false, 'guide_price', NULL, '2018-04-30', 21000.00, now() - interval '90 days', now() - interval '90 days'),
    ('demo-item-12', 'demo-user', 'NUMISMATIC', 'itemized', NULL, 'gold', 1, 0.9675, 0.9, 'demo-coin-8906', 'MS65', 'NGC', false, 'guide_price', NULL, '2022-01-05', 2800.00, now() - interval '60 days', now() - interval '60 days'),
    ('demo-item-13', 'demo-user', 'NUMISMATIC', 'itemized', '3-Legged Buffalo', 'copper', 1, 0.1764, 0.25, 'demo-coin-3938', 'AU58', 'ANACS', false, 'guide_price', NULL, '2023-07-19', 1000.00, now() - interval '30 days', now() - interval '30 days'),
    ('demo-item-14', 'demo-user', 'NUMISMATIC', 'itemized', NULL, 'silver', 1, 0.1808, 0.9, 'demo-coin-6576', 'VF20', 'ICG', false, 'guide_price', NULL, '2024-10-10', 150.00, now() - interval '10 days', now() - interval '10 days'),
    ('demo-item-15', 'demo-user', 'BULLION', 'bulk', '20 x 1 oz Silver Maple Leaf', 'silver', 20, 1.0, 0.9999, NULL, NULL, NULL, false, 'spot_premium', NULL, '2024-03-03', 540.00, now() - interval '5 days', now() - interval '5 days')
ON CONFLICT (id) DO NOTHING;
