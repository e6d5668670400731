package io.bulliontracker.catalog;

import io.bulliontracker.common.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the price guide's CSV form: the header {@code pcgsNumber,gradeCode,priceDate,pcgsPrice,greysheetPrice}
 * and one row per line; an empty field is a missing value. A field that is not a number where one is
 * expected is kept as text so the import names that row's index and reason, like the JSON form does.
 */
final class CsvPriceRows {

    static final String HEADER = "pcgsNumber,gradeCode,priceDate,pcgsPrice,greysheetPrice";

    private CsvPriceRows() {
    }

    /** Rows, each either parsed or carrying the reason it could not be. */
    record Parsed(List<PriceRowInput> rows, List<String> problems) {
    }

    static Parsed parse(String body) {
        if (body == null) {
            throw ApiException.invalidField("body", "CSV needs the header " + HEADER);
        }
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().replace(" ", "").equals(HEADER)) {
            throw ApiException.invalidField("header", "the first line must be " + HEADER);
        }
        List<PriceRowInput> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                rows.add(null);
                problems.add("expected 5 fields, found " + f.length);
                continue;
            }
            String problem = null;
            Integer pcgs = null;
            BigDecimal pcgsPrice = null;
            BigDecimal greysheetPrice = null;
            try {
                pcgs = f[0].isBlank() ? null : Integer.valueOf(unquote(f[0]));
            } catch (NumberFormatException e) {
                problem = "pcgsNumber is not an integer";
            }
            try {
                pcgsPrice = decimal(f[3]);
            } catch (NumberFormatException e) {
                problem = problem != null ? problem : "pcgsPrice is not a number";
            }
            try {
                greysheetPrice = decimal(f[4]);
            } catch (NumberFormatException e) {
                problem = problem != null ? problem : "greysheetPrice is not a number";
            }
            rows.add(new PriceRowInput(pcgs, null, emptyToNull(f[1]), emptyToNull(f[2]), pcgsPrice, greysheetPrice));
            problems.add(problem);
        }
        return new Parsed(rows, problems);
    }

    private static BigDecimal decimal(String field) {
        String value = unquote(field);
        return value.isEmpty() ? null : new BigDecimal(value);
    }

    private static String emptyToNull(String field) {
        String value = unquote(field);
        return value.isEmpty() ? null : value;
    }

    private static String unquote(String field) {
        String value = field.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value;
    }
}
