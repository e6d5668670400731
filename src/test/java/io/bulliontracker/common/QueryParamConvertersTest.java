package io.bulliontracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed query parameters: a value that is not a number or a date is the contract's 400 naming the parameter. */
class QueryParamConvertersTest {

    private static final QueryParamConverters CONVERTERS = new QueryParamConverters();

    /** The parameter declarations the converter is asked about, as quarkus-rest passes their annotations. */
    @SuppressWarnings("unused")
    static class Routes {
        void performance(@RestQuery("days") @Min(value = 1, message = "must be an integer from 1 to 3650")
                @Max(value = 3650, message = "must be an integer from 1 to 3650") int days) {
        }

        void page(@QueryParam("limit") @Min(1) Integer limit) {
        }

        void history(@RestQuery("from") LocalDate from) {
        }

        void unnamed(@RestQuery int count) {
        }

        void search(@RestQuery("q") String q) {
        }

        void item(@PathParam("id") int id) {
        }
    }

    private static Annotation[] annotationsOf(String method, Class<?> type) throws NoSuchMethodException {
        Method m = Routes.class.getDeclaredMethod(method, type);
        return m.getParameterAnnotations()[0];
    }

    @SuppressWarnings("unchecked")
    private static <T> ParamConverter<T> converter(String method, Class<T> type) throws NoSuchMethodException {
        return (ParamConverter<T>) CONVERTERS.getConverter(type, type, annotationsOf(method, type));
    }

    /** The converter's refusal as the client receives it. */
    private static ErrorBody refusal(ParamConverter<?> converter, String raw) {
        BadRequestException refused = assertThrows(BadRequestException.class, () -> converter.fromString(raw));
        Response response = ErrorResponses.from(refused);
        assertEquals(400, response.getStatus());
        return (ErrorBody) response.getEntity();
    }

    @Test
    void integersInAnyRangeConvertTheBoundsAreLeftToValidation() throws Exception {
        ParamConverter<Integer> days = converter("performance", int.class);

        assertEquals(30, days.fromString("30"));
        assertEquals(0, days.fromString("0"));
        assertEquals(-7, days.fromString("-7"));
        assertEquals(Integer.MAX_VALUE, days.fromString("2147483647"));
        assertEquals(Integer.MIN_VALUE, days.fromString("-2147483648"));
        assertNull(days.fromString(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"many", "1e3", "1.5", "+5", " 5", "5 ", "0x10", "NaN", "2147483648", "-2147483649",
            "99999999999999999999", "٣"})
    void anythingButAnIntegerIsA400WithTheBoundsMessage(String raw) throws Exception {
        ErrorBody body = refusal(converter("performance", int.class), raw);

        assertEquals("Invalid days: must be an integer from 1 to 3650", body.error());
        assertEquals(Map.of("field", "days", "reason", "must be an integer from 1 to 3650"), body.details());
    }

    @Test
    void withoutABoundsMessageTheReasonIsPlain() throws Exception {
        ParamConverter<Integer> limit = converter("page", Integer.class);

        assertEquals(5, limit.fromString("5"));
        assertEquals("Invalid limit: must be an integer", refusal(limit, "five").error());
    }

    @Test
    void aParameterWithoutANameIsCalledAQueryParameter() throws Exception {
        assertEquals("Invalid query parameter: must be an integer", refusal(converter("unnamed", int.class), "x").error());
    }

    @Test
    void datesAreIsoCalendarDatesFrom1900To9999() throws Exception {
        ParamConverter<LocalDate> from = converter("history", LocalDate.class);

        assertEquals(LocalDate.of(2024, 2, 29), from.fromString("2024-02-29"));
        assertEquals(LocalDate.of(1900, 1, 1), from.fromString("1900-01-01"));
        assertEquals(LocalDate.of(9999, 12, 31), from.fromString("9999-12-31"));
        // Out of range: PostgreSQL refuses the first two (a 500 before) and reads the next three as other days.
        for (String raw : new String[] {"2023-02-29", "2024-13-01", "2024-1-5", "05/01/2024", "2024-01-01T00:00:00Z", "yesterday",
                "-4713-01-01", "+10000-01-01", "0000-06-15", "1582-10-10", "1899-12-31"}) {
            ErrorBody body = refusal(from, raw);
            assertEquals("Invalid from: must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31", body.error(), raw);
            assertEquals("from", body.details().get("field"));
        }
    }

    @Test
    void otherTypesAndParametersAreLeftToTheFramework() throws Exception {
        assertNull(CONVERTERS.getConverter(String.class, String.class, annotationsOf("search", String.class)));
        assertNull(CONVERTERS.getConverter(int.class, int.class, annotationsOf("item", int.class)));
        assertNull(CONVERTERS.getConverter(int.class, int.class, null));
    }
}
