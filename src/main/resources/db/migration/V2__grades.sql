INSERT INTO valid_grades (grade_code, numeric_value, grade_category, display_order) VALUES
    ('PO01', 1, 'circulated', 1), ('FR02', 2, 'circulated', 2), ('AG03', 3, 'circulated', 3),
    ('G04', 4, 'circulated', 4), ('G06', 6, 'circulated', 5), ('VG08', 8, 'circulated', 6),
    ('VG10', 10, 'circulated', 7), ('F12', 12, 'circulated', 8), ('F15', 15, 'circulated', 9),
    ('VF20', 20, 'circulated', 10), ('VF25', 25, 'circulated', 11), ('VF30', 30, 'circulated', 12),
    ('VF35', 35, 'circulated', 13), ('EF40', 40, 'circulated', 14), ('EF45', 45, 'circulated', 15),
    ('AU50', 50, 'about_uncirculated', 16), ('AU53', 53, 'about_uncirculated', 17),
    ('AU55', 55, 'about_uncirculated', 18), ('AU58', 58, 'about_uncirculated', 19)
;
INSERT INTO valid_grades (grade_code, numeric_value, grade_category, display_order)
SELECT 'MS' || n, n, 'mint_state', 20 + (n - 60) FROM generate_series(60, 70) AS n;
INSERT INTO valid_grades (grade_code, numeric_value, grade_category, display_order)
SELECT 'PR' || n, n, 'proof', 31 + (n - 60) FROM generate_series(60, 70) AS n;
