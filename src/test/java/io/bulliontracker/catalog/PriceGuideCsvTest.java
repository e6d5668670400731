package io.bulliontracker.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.common.ApiException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceGuideCsvTest {

    private static final String HEADER = PriceGuideCsv.HEADER;

    private static PriceRowInput row(Integer pcgs, String grade, String date, String pcgsPrice, String greysheet) {
        return new PriceRowInput(pcgs, null, grade, date, pcgsPrice == null ? null : new BigDecimal(pcgsPrice),
                greysheet == null ? null : new BigDecimal(greysheet));
    }

    private static PriceGuideCsv.Parsed parse(String csv) {
        return PriceGuideCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOneRowPerRecordWithEmptyFieldsMissing() {
        PriceGuideCsv.Parsed parsed = parse(HEADER + "\n7172,MS65,2025-01-06,310.50,\n7172,MS64,2025-01-06,,290\n");
        assertEquals(List.of(row(7172, "MS65", "2025-01-06", "310.50", null), row(7172, "MS64", "2025-01-06", null, "290")),
                parsed.rows());
        assertEquals(Arrays.asList(null, null), parsed.problems());
    }

    @Test
    void quotedFieldsMayHoldCommasEscapedQuotesAndLineBreaks() {
        PriceGuideCsv.Parsed parsed = parse(HEADER + "\n"
                + "\"7172\",\"MS,65\",2025-01-06,\"1,5\",\n"
                + "7172,\"M\"\"S\",2025-01-06,1,\n"
                + "7172,\"MS\n65\",2025-01-06,2,\n");
        assertEquals(3, parsed.rows().size());
        assertEquals("MS,65", parsed.rows().get(0).gradeCode());
        assertEquals("pcgsPrice is not a number", parsed.problems().get(0));
        assertEquals("M\"S", parsed.rows().get(1).gradeCode());
        assertEquals("MS\n65", parsed.rows().get(2).gradeCode());
        assertEquals(new BigDecimal("2"), parsed.rows().get(2).pcgsPrice());
    }

    @Test
    void crlfAndAByteOrderMarkAreRead() {
        PriceGuideCsv.Parsed parsed = parse("\uFEFF" + HEADER + "\r\n7172,MS65,2025-01-06,1.25,\r\n7173,AU58,2025-01-07,,2\r\n");
        assertEquals(List.of(row(7172, "MS65", "2025-01-06", "1.25", null), row(7173, "AU58", "2025-01-07", null, "2")),
                parsed.rows());
    }

    @Test
    void theHeaderMayOrderTheColumnsAnyWayAndPadThemWithSpaces() {
        PriceGuideCsv.Parsed parsed = parse(
                "greysheetPrice, pcgsPrice ,priceDate,gradeCode,pcgsNumber\n2,1,2025-01-06,MS65,2147483647\n");
        assertEquals(List.of(row(2147483647, "MS65", "2025-01-06", "1", "2")), parsed.rows());
    }

    @Test
    void blankLinesAreSkippedAndATrailingNewlineIsOptional() {
        PriceGuideCsv.Parsed parsed = parse(HEADER + "\n\n7172,MS65,2025-01-06,1,\n\r\n7172,MS66,2025-01-06,2,");
        assertEquals(2, parsed.rows().size());
        assertEquals("MS66", parsed.rows().get(1).gradeCode());
    }

    @Test
    void aFieldThatIsNotANumberIsThatRowsReason() {
        PriceGuideCsv.Parsed parsed = parse(HEADER + "\n"
                + "abc,MS65,2025-01-06,1,\n"
                + "2147483648,MS65,2025-01-06,1,\n"
                + "7172,MS65,2025-01-06,NaN,\n"
                + "7172,MS65,2025-01-06,1,ten\n"
                + "7172,MS65,2025-01-06," + "9".repeat(41) + ",\n"
                + "7172,MS65,2025-01-06,1e-100000000,\n"
                + "7172,MS65\n"
                + "7172,MS65,2025-01-06,1,2,3\n");
        assertEquals(List.of("pcgsNumber must be an integer from 1 to 2147483647",
                "pcgsNumber must be an integer from 1 to 2147483647", "pcgsPrice is not a number",
                "greysheetPrice is not a number", "pcgsPrice is not a number"), parsed.problems().subList(0, 5));
        // Parsed, not refused here: the row's @Digits constraint refuses it before any arithmetic.
        assertNull(parsed.problems().get(5));
        assertEquals(new BigDecimal("1e-100000000"), parsed.rows().get(5).pcgsPrice());
        assertEquals("expected 5 fields, found 2", parsed.problems().get(6));
        assertEquals("expected 5 fields, found 6", parsed.problems().get(7));
        assertNull(parsed.rows().get(7));
    }

    @Test
    void aMissingOrWrongHeaderIsRefused() {
        for (String body : new String[] {"", "\n", "a,b,c\n1,2,3\n", "pcgsNumber,gradeCode\n1,MS65",
                "pcgsNumber,gradeCode,priceDate,pcgsPrice,pcgsPrice\n", HEADER + ",extra\n"}) {
            ApiException e = assertThrows(ApiException.class, () -> parse(body), body);
            assertEquals(400, e.status());
            assertEquals("header", e.details().get("field"), body);
        }
    }

    @Test
    void anUnterminatedQuoteIsRefusedNamingTheLine() {
        ApiException e = assertThrows(ApiException.class,
                () -> parse(HEADER + "\n7172,MS65,2025-01-06,1,\n7172,\"MS65,2025-01-06,1,\n"));
        assertEquals(400, e.status());
        assertEquals("body", e.details().get("field"));
        assertTrue(e.getMessage().contains("not valid CSV"), e.getMessage());
    }

    @Test
    void moreRowsThanAnImportTakesAreRefusedWhileReading() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= PriceGuide.MAX_ROWS; i++) {
            csv.append("7172,MS65,2025-01-06,1,\n");
        }
        ApiException e = assertThrows(ApiException.class, () -> parse(csv.toString()));
        assertEquals("body", e.details().get("field"));
        assertEquals(PriceGuide.MAX_ROWS, parse(csv.substring(0, csv.length() - "7172,MS65,2025-01-06,1,\n".length())).rows().size());
    }
}
