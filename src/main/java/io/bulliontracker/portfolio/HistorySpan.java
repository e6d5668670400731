package io.bulliontracker.portfolio;

import io.bulliontracker.common.ApiException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates a portfolio history is valued at: from {@code start} to {@code end}, one point every
 * {@link #step()} days while before {@code end}, then {@code end} itself. Built from the request's
 * parameters by {@link #of}, which refuses every range the contract does not allow.
 */
record HistorySpan(LocalDate start, LocalDate end) {

    static final int MAX_YEARS = 10;
    /** PostgreSQL and the clients both read four-digit years; nothing outside them is a real date here. */
    private static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    /**
     * {@code startDate} (with {@code endDate}, default today) wins over {@code days}; without it the span
     * is the {@code days} before today. An {@code endDate} alone is refused rather than guessed at.
     */
    static HistorySpan of(int days, LocalDate startDate, LocalDate endDate, LocalDate today) {
        if (startDate == null) {
            if (endDate != null) {
                throw ApiException.invalidField("startDate", "is required with endDate");
            }
            return new HistorySpan(today.minusDays(days), today);
        }
        requireFourDigitYear("startDate", startDate);
        if (endDate == null && startDate.isAfter(today)) {
            throw ApiException.invalidField("startDate", "must not be after today (the default endDate)");
        }
        LocalDate end = endDate == null ? today : requireFourDigitYear("endDate", endDate);
        if (end.isBefore(startDate)) {
            throw ApiException.invalidField("endDate", "must not be before startDate");
        }
        if (startDate.isBefore(end.minusYears(MAX_YEARS))) {
            throw ApiException.invalidField("startDate", "the range may span at most " + MAX_YEARS + " years");
        }
        return new HistorySpan(startDate, end);
    }

    private static LocalDate requireFourDigitYear(String name, LocalDate date) {
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw ApiException.invalidField(name, "must be a date YYYY-MM-DD");
        }
        return date;
    }

    int days() {
        return (int) ChronoUnit.DAYS.between(start, end);
    }

    /** Daily up to a month, every third day up to a year, weekly beyond: at most 523 points for 10 years. */
    int step() {
        int days = days();
        return days <= 30 ? 1 : days <= 365 ? 3 : 7;
    }

    /** Oldest first; the last point is always {@code end}, however far it is from the one before. */
    List<LocalDate> points() {
        int step = step();
        List<LocalDate> points = new ArrayList<>();
        for (LocalDate day = start; day.isBefore(end); day = day.plusDays(step)) {
            points.add(day);
        }
        points.add(end);
        return points;
    }
}
