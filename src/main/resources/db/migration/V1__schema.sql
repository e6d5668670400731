-- Ids are opaque text compared character by character (the contract), hence COLLATE "C".

CREATE TABLE valid_grades (
    grade_code     text COLLATE "C" PRIMARY KEY,
    numeric_value  integer NOT NULL,
    grade_category text    NOT NULL,
    display_order  integer NOT NULL UNIQUE
);

CREATE TABLE coin_references (
    id           text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
    pcgs_number  integer NOT NULL UNIQUE,
    ngc_number   integer,
    year         integer NOT NULL,
    mint_mark    text,
    denomination text    NOT NULL,
    series       text    NOT NULL,
    variety      text,
    metal        text,
    weight_oz    numeric,
    fineness     numeric,
    mintage      bigint,
    full_name    text    NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE price_guide (
    coin_reference_id text COLLATE "C" NOT NULL REFERENCES coin_references (id) ON DELETE CASCADE,
    grade_code        text COLLATE "C" NOT NULL REFERENCES valid_grades (grade_code),
    price_date        date NOT NULL,
    pcgs_price        numeric(12, 2) CHECK (pcgs_price >= 0),
    greysheet_price   numeric(12, 2) CHECK (greysheet_price >= 0),
    price_source      text NOT NULL CHECK (price_source IN ('pcgs', 'greysheet', 'both')),
    created_at        timestamptz NOT NULL DEFAULT now()
);

-- One row per coin, grade and day. The same index answers "latest row per (coin, grade)",
-- on or before a date, with an index-only scan: both prices ride along in INCLUDE.
CREATE UNIQUE INDEX price_guide_latest_idx
    ON price_guide (coin_reference_id, grade_code, price_date DESC)
    INCLUDE (pcgs_price, greysheet_price);

CREATE TABLE collection_items (
    id                     text COLLATE "C" PRIMARY KEY,
    user_id                text COLLATE "C" NOT NULL,
    category               text NOT NULL CHECK (category IN ('BULLION', 'NUMISMATIC')),
    type                   text CHECK (type IN ('itemized', 'bulk')),
    title                  text,
    metal                  text NOT NULL CHECK (metal IN ('gold', 'silver', 'platinum', 'palladium', 'copper')),
    quantity               integer NOT NULL DEFAULT 1 CHECK (quantity >= 1),
    weight_oz              numeric,
    metal_purity           numeric,
    metal_weight_oz        numeric,
    precious_metal_oz      numeric,
    coin_reference_id      text COLLATE "C" REFERENCES coin_references (id) ON DELETE SET NULL,
    cert_number            text,
    grade                  text,
    grading_service        text CHECK (grading_service IN ('PCGS', 'NGC', 'ANACS', 'ICG', 'RAW')),
    is_problem_coin        boolean NOT NULL DEFAULT false,
    problem_type           text,
    is_grade_estimated     boolean NOT NULL DEFAULT false,
    notes                  text,
    book_value_type        text NOT NULL CHECK (book_value_type IN ('spot_premium', 'guide_price', 'custom')),
    custom_book_value      numeric,
    premium_percent        numeric,
    numismatic_value       numeric,
    confidence_level       text,
    spot_price_at_creation numeric,
    purchase_date          date,
    purchase_price         numeric,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

-- Serves every per-user read: the valuation routes' item scans and the paged listing,
-- whose order is (created_at DESC, id DESC).
CREATE INDEX collection_items_user_idx ON collection_items (user_id, created_at DESC, id DESC);

CREATE TABLE item_value_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id    text COLLATE "C" NOT NULL REFERENCES collection_items (id) ON DELETE CASCADE,
    price_date date NOT NULL,
    value      numeric NOT NULL,
    value_type text NOT NULL,
    source     text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT item_value_history_item_day UNIQUE (item_id, price_date)
);
