package io.bulliontracker.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.bulliontracker.common.ApiException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the price guide's CSV form (RFC 4180, through jackson-dataformat-csv: quoted fields, {@code ""}
 * escapes, quoted line breaks, CRLF or LF, an optional byte-order mark): a header naming the columns
 * {@code pcgsNumber,gradeCode,priceDate,pcgsPrice,greysheetPrice} (in any order), then one record per
 * row. An empty field is a missing value. A field that is not a number where one is expected becomes
 * that row's reason, so the import names the row's index like the JSON form does; index 0 is the first
 * record after the header.
 */
final class PriceGuideCsv {

    static final String HEADER = "pcgsNumber,gradeCode,priceDate,pcgsPrice,greysheetPrice";
    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    /** Longer than any number the import accepts; refused before parsing, which grows with the length. */
    private static final int MAX_NUMBER_LENGTH = 40;

    private static final ObjectReader READER = new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .readerFor(String[].class);

    private PriceGuideCsv() {
    }

    /** The rows in order, each with the reason it could not be read, or null. */
    record Parsed(List<PriceRowInput> rows, List<String> problems) {
    }

    /** Reads UTF-8 bytes: the parser's own bootstrapping skips a byte-order mark (a String keeps it). */
    static Parsed parse(byte[] body) {
        try (MappingIterator<String[]> records = READER.readValues(body == null ? new byte[0] : body)) {
            Map<String, Integer> column = header(records.hasNextValue() ? records.nextValue() : new String[0]);
            List<PriceRowInput> rows = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            while (records.hasNextValue()) {
                String[] fields = records.nextValue();
                if (rows.size() == PriceGuide.MAX_ROWS) {
                    // Refused before reading the rest: the import's limit, like a JSON array's.
                    throw ApiException.invalidField("body", "must hold 1 to " + PriceGuide.MAX_ROWS + " price rows");
                }
                if (fields.length != COLUMNS.size()) {
                    rows.add(null);
                    problems.add("expected " + COLUMNS.size() + " fields, found " + fields.length);
                    continue;
                }
                Row row = new Row(fields, column);
                rows.add(row.toInput());
                problems.add(row.problem);
            }
            return new Parsed(rows, problems);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw ApiException.invalidField("body", "is not valid CSV (RFC 4180)" + (line > 0 ? " near line " + line : ""));
        } catch (IOException e) {
            throw ApiException.invalidField("body", "is not valid CSV (RFC 4180)");
        }
    }

    /** Column name → position; the header must name each column exactly once. */
    private static Map<String, Integer> header(String[] names) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            column.putIfAbsent(names[i], i);
        }
        if (names.length != COLUMNS.size() || !column.keySet().containsAll(COLUMNS)) {
            throw ApiException.invalidField("header", "the first line must name the columns " + HEADER
                    + " (found " + (names.length == 0 ? "none" : String.join(",", Arrays.asList(names))) + ")");
        }
        return column;
    }

    /** One record's fields by column, converted, keeping the first reason a field could not be. */
    private static final class Row {
        private final String[] fields;
        private final Map<String, Integer> column;
        private String problem;

        Row(String[] fields, Map<String, Integer> column) {
            this.fields = fields;
            this.column = column;
        }

        PriceRowInput toInput() {
            return new PriceRowInput(integer("pcgsNumber"), null, text("gradeCode"), text("priceDate"),
                    decimal("pcgsPrice"), decimal("greysheetPrice"));
        }

        private String text(String name) {
            String value = fields[column.get(name)];
            return value.isEmpty() ? null : value;
        }

        private Integer integer(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            if (value.matches("\\d{1,10}") && Long.parseLong(value) <= Integer.MAX_VALUE) {
                return Integer.valueOf(value);
            }
            problem = problem != null ? problem : name + " " + Limits.PCGS_NUMBER;
            return null;
        }

        private BigDecimal decimal(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                if (value.length() <= MAX_NUMBER_LENGTH) {
                    return new BigDecimal(value);
                }
            } catch (NumberFormatException e) {
                // falls through to the row's reason
            }
            problem = problem != null ? problem : name + " is not a number";
            return null;
        }
    }
}
