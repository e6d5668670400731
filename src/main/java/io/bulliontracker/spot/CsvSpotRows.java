package io.bulliontracker.spot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.bulliontracker.common.ApiException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV form of a spot-price import: the header {@code metal,pricePerOz,observedAt} (optionally
 * {@code ,source}) and one price per record. Jackson's CSV parser does the RFC 4180 work (quotes,
 * {@code ""} escapes, CRLF); an empty field is a missing value. A record that cannot become a row keeps
 * its index and a reason, so the import reports it like a bad JSON row.
 */
final class CsvSpotRows {

    static final String HEADER = "metal,pricePerOz,observedAt";
    private static final String HEADER_WITH_SOURCE = HEADER + ",source";

    /** 12 digits, a point, 12 digits and a sign, with room for an exponent form such as {@code 2.6e3}. */
    private static final int MAX_NUMBER_TEXT = 32;

    private static final ObjectReader RECORDS = new CsvMapper()
            .readerForListOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.TRIM_SPACES);

    private CsvSpotRows() {
    }

    /** Rows in file order (blank lines skipped), each parsed or null with the reason in {@code problems}. */
    record Parsed(List<SpotPriceInput> rows, List<String> problems) {
    }

    static Parsed parse(String body) {
        String text = body == null ? "" : body.startsWith("\uFEFF") ? body.substring(1) : body;
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<List<String>> it = RECORDS.readValues(text)) {
            while (it.hasNextValue()) {
                List<String> record = it.nextValue();
                if (!isBlank(record)) {
                    records.add(record);
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw ApiException.invalidField("body", "malformed CSV" + (line > 0 ? " at line " + line : ""));
        } catch (IOException e) {
            throw ApiException.invalidField("body", "malformed CSV");
        }
        if (records.isEmpty()) {
            throw ApiException.invalidField("header", "the first line must be " + HEADER);
        }
        String header = String.join(",", records.get(0)).replace(" ", "");
        boolean withSource = header.equals(HEADER_WITH_SOURCE);
        if (!withSource && !header.equals(HEADER)) {
            throw ApiException.invalidField("header", "the first line must be " + HEADER + " (optionally ,source)");
        }
        int fields = withSource ? 4 : 3;
        List<SpotPriceInput> rows = new ArrayList<>(records.size() - 1);
        List<String> problems = new ArrayList<>(records.size() - 1);
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() != fields) {
                rows.add(null);
                problems.add("expected " + fields + " fields, found " + record.size());
                continue;
            }
            BigDecimal price;
            try {
                price = number(record.get(1));
            } catch (NumberFormatException e) {
                rows.add(null);
                problems.add("pricePerOz is not a number");
                continue;
            }
            rows.add(new SpotPriceInput(emptyToNull(record.get(0)), price, emptyToNull(record.get(2)),
                    withSource ? emptyToNull(record.get(3)) : null));
            problems.add(null);
        }
        return new Parsed(rows, problems);
    }

    /** Text longer than any valid amount is refused before BigDecimal parses it (that cost grows with length). */
    private static BigDecimal number(String field) {
        if (field.isEmpty()) {
            return null;
        }
        if (field.length() > MAX_NUMBER_TEXT) {
            throw new NumberFormatException();
        }
        return new BigDecimal(field);
    }

    private static boolean isBlank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static String emptyToNull(String field) {
        return field.isEmpty() ? null : field;
    }
}
