-- Spot prices per troy ounce in US dollars, one row per metal and observation time. Copper has none.
CREATE TABLE spot_prices (
    metal        text COLLATE "C" NOT NULL CHECK (metal IN ('gold', 'silver', 'platinum', 'palladium')),
    observed_at  timestamptz    NOT NULL,
    price_per_oz numeric(12, 2) NOT NULL CHECK (price_per_oz > 0),
    source       text           NOT NULL,
    created_at   timestamptz    NOT NULL DEFAULT now(),
    -- The key every read walks backwards: "latest row of a metal" and "latest row on or before a time"
    -- are one index probe each, and the price rides along for an index-only scan.
    CONSTRAINT spot_prices_pkey PRIMARY KEY (metal, observed_at) INCLUDE (price_per_oz)
);
