-- Images of collection items: every item read returns them as [{id, url, order}], and an update
-- that carries images replaces them all. "order" is a reserved word, hence "position".
CREATE TABLE item_images (
    id       text COLLATE "C" PRIMARY KEY,
    item_id  text COLLATE "C" NOT NULL REFERENCES collection_items (id) ON DELETE CASCADE,
    url      text    NOT NULL CHECK (length(url) <= 2048),
    position integer NOT NULL CHECK (position BETWEEN 0 AND 19),
    CONSTRAINT item_images_item_position UNIQUE (item_id, position)
);

-- The rows written before this version read back in today's shapes:
-- metal_purity is a fraction 0..1; the clients sent percents (90), which were stored as sent.
UPDATE collection_items SET metal_purity = metal_purity / 100 WHERE metal_purity > 1 AND metal_purity <= 100;

-- An estimated grade carries one leading "~" and the flag, never one without the other, never "~~".
UPDATE collection_items
SET grade = '~' || ltrim(grade, '~'), is_grade_estimated = true
WHERE grade LIKE '~%' AND (grade LIKE '~~%' OR NOT is_grade_estimated);
UPDATE collection_items
SET grade = '~' || grade
WHERE is_grade_estimated AND grade IS NOT NULL AND grade NOT LIKE '~%';
UPDATE collection_items
SET is_grade_estimated = false
WHERE is_grade_estimated AND grade IS NULL;
