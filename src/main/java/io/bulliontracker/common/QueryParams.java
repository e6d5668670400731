package io.bulliontracker.common;

import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Query parameters arrive as text so that a bad value gets the contract's 400, not the framework's 404. */
public final class QueryParams {

    private QueryParams() {
    }

    /** The first value of a parameter; "" (not null) for {@code ?name} or {@code ?name=}, which is present but empty. */
    public static String raw(UriInfo uri, String name) {
        List<String> values = uri.getQueryParameters().get(name);
        if (values == null) {
            return null;
        }
        return values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    /** The parameter as an int in [min, max], {@code fallback} when absent; anything else is a 400 naming it. */
    public static int intInRange(String name, String raw, int fallback, int min, int max) {
        if (raw == null) {
            return fallback;
        }
        String reason = "must be an integer from " + min + " to " + max;
        if (!raw.matches("-?\\d{1,10}")) {
            throw ApiException.invalidField(name, reason);
        }
        long value = Long.parseLong(raw);
        if (value < min || value > max) {
            throw ApiException.invalidField(name, reason);
        }
        return (int) value;
    }

    /** The parameter as a date YYYY-MM-DD in PlausibleDate's range, null when absent; anything else is a 400 naming it. */
    public static LocalDate date(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return QueryParamConverters.plausibleDate(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, QueryParamConverters.DATE_REASON);
        }
    }
}
