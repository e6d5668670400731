package io.bulliontracker.catalog;

import java.math.BigDecimal;

/** Field checks shared by the catalog's bulk writes; each returns the reason a value is refused, or null. */
final class Inputs {

    static final int MAX_TEXT = 300;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private Inputs() {
    }

    static String requiredText(String name, String value) {
        if (value == null || value.isBlank()) {
            return name + " is required";
        }
        return optionalText(name, value);
    }

    static String optionalText(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            return name + " is longer than " + MAX_TEXT + " characters";
        }
        if (value.indexOf('\0') >= 0) {
            return name + " contains a null character";
        }
        return null;
    }

    static String nonNegative(String name, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            return name + " must be at least 0";
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            return name + " must be at most " + MAX_AMOUNT.toPlainString();
        }
        return null;
    }

    static String firstOf(String... reasons) {
        for (String reason : reasons) {
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
