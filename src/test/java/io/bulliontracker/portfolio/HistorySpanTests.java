package io.bulliontracker.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bulliontracker.common.ApiException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dates a history is valued at, and the ranges refused before any database work (no Quarkus start). */
class HistorySpanTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /**
     * span, step, count, last two points as offsets from the start. Counts: ceil(span / step) points
     * before the end, plus the end (1 when the span is 0).
     */
    @ParameterizedTest
    @CsvSource({
        "0, 1, 1, -1, 0",
        "1, 1, 2, 0, 1",
        "7, 1, 8, 6, 7",
        "30, 1, 31, 29, 30",
        "31, 3, 12, 30, 31",
        "90, 3, 31, 87, 90",
        "365, 3, 123, 363, 365",
        "366, 7, 54, 364, 366",
        "1825, 7, 262, 1820, 1825",
        "3650, 7, 523, 3647, 3650"})
    void pointsRunFromStartByStepThenEndAtTheEnd(int span, int step, int count, int beforeLast, int last) {
        HistorySpan history = HistorySpan.of(span == 0 ? 30 : span, span == 0 ? TODAY : null, null, TODAY);
        List<LocalDate> points = history.points();
        assertEquals(step, history.step());
        assertEquals(count, points.size());
        assertEquals(TODAY.minusDays(span), points.get(0));
        assertEquals(TODAY.minusDays(span).plusDays(last), points.get(count - 1));
        if (count > 1) {
            assertEquals(TODAY.minusDays(span).plusDays(beforeLast), points.get(count - 2));
        }
        for (int i = 1; i < count - 1; i++) {
            assertEquals(step, points.get(i).toEpochDay() - points.get(i - 1).toEpochDay());
        }
    }

    @Test
    void datesWinOverDaysAndEndDateDefaultsToToday() {
        assertEquals(new HistorySpan(date("2025-01-01"), date("2025-02-01")),
                HistorySpan.of(7, date("2025-01-01"), date("2025-02-01"), TODAY));
        assertEquals(new HistorySpan(date("2025-06-01"), TODAY), HistorySpan.of(7, date("2025-06-01"), null, TODAY));
        assertEquals(new HistorySpan(date("2025-06-08"), TODAY), HistorySpan.of(7, null, null, TODAY));
    }

    @Test
    void theWebClientsJanuaryRangeHasTwelvePoints() {
        List<LocalDate> points = HistorySpan.of(30, date("2025-01-01"), date("2025-02-01"), TODAY).points();
        assertEquals(List.of("2025-01-01", "2025-01-04", "2025-01-07", "2025-01-10", "2025-01-13", "2025-01-16",
                "2025-01-19", "2025-01-22", "2025-01-25", "2025-01-28", "2025-01-31", "2025-02-01"),
                points.stream().map(LocalDate::toString).toList());
    }

    @Test
    void tenCalendarYearsAreAllowedAndOneDayMoreIsNot() {
        HistorySpan tenYears = HistorySpan.of(30, date("2015-01-01"), date("2025-01-01"), TODAY);
        assertEquals(3653, tenYears.days());
        assertEquals(523, tenYears.points().size());
        assertRefused("startDate", "the range may span at most 10 years",
                () -> HistorySpan.of(30, date("2014-12-31"), date("2025-01-01"), TODAY));
        // Without endDate the range ends today.
        assertRefused("startDate", "the range may span at most 10 years",
                () -> HistorySpan.of(30, TODAY.minusYears(10).minusDays(1), null, TODAY));
    }

    @Test
    void datesAfterTodayAreAllowedWhenBothAreGiven() {
        // A client whose local date is ahead of UTC may ask for "its" today.
        assertEquals(2, HistorySpan.of(30, TODAY, TODAY.plusDays(1), TODAY).points().size());
    }

    @Test
    void refusesWhatTheContractDoesNotAllow() {
        assertRefused("endDate", "must not be before startDate",
                () -> HistorySpan.of(30, date("2025-02-01"), date("2025-01-31"), TODAY));
        assertRefused("startDate", "must not be after today (the default endDate)",
                () -> HistorySpan.of(30, TODAY.plusDays(1), null, TODAY));
        assertRefused("startDate", "is required with endDate", () -> HistorySpan.of(30, null, date("2025-01-31"), TODAY));
        assertRefused("startDate", "must be a date YYYY-MM-DD",
                () -> HistorySpan.of(30, LocalDate.of(0, 12, 31), LocalDate.of(1, 1, 1), TODAY));
        assertRefused("endDate", "must be a date YYYY-MM-DD",
                () -> HistorySpan.of(30, LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1), TODAY));
    }

    private static void assertRefused(String field, String reason, Runnable call) {
        ApiException refused = assertThrows(ApiException.class, call::run);
        assertEquals(400, refused.status());
        assertEquals("Invalid " + field + ": " + reason, refused.getMessage());
        assertEquals(Map.of("field", field, "reason", reason), refused.details());
    }
}
