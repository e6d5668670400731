package io.bulliontracker.catalog;

/** The catalog's input bounds and their messages, shared by the constraints on its records and parameters. */
final class Limits {

    static final String PCGS_NUMBER = "must be an integer from 1 to 2147483647";
    static final String YEAR = "must be an integer from 1 to 9999";
    static final int TEXT = 300;
    static final String TEXT_SIZE = "must be at most 300 characters";
    static final String REQUIRED = "is required";
    /** PostgreSQL text cannot hold a NUL character. */
    static final String NO_NUL = "[^\\x00]*";
    static final String NUL = "must not contain a NUL character";
    static final String AT_LEAST_0 = "must be at least 0";
    static final String FRACTION = "must be a fraction from 0 to 1";
    /** The contract's decimal inputs: at most 12 digits before the point and 12 after. */
    static final int DIGITS = 12;
    static final String DECIMAL = "must have at most 12 digits before the decimal point and 12 after it";
    /** Prices are stored as numeric(12,2): anything larger would not fit once rounded to cents. */
    static final String MAX_PRICE = "9999999999.99";
    static final String AT_MOST_MAX_PRICE = "must be at most 9999999999.99";
    static final String DATE = "must be a date YYYY-MM-DD";

    private Limits() {
    }
}
