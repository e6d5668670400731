package io.bulliontracker.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Converts typed query parameters ({@code @RestQuery int days}, {@code LocalDate from}) so that a value
 * that is not a number or a date is the contract's 400 naming the parameter. Dates must also lie within
 * {@link PlausibleDate}'s range, which the database stores as the same day. Left to JAX-RS, a query
 * parameter that fails conversion is a 404, as if the route did not exist. Bounds stay on the
 * parameters as Bean Validation constraints, where the OpenAPI document shows them. The converter sees
 * only the parameter's annotations, so name the parameter there ({@code @RestQuery("days")}) for the
 * 400 to name it too.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(name, boundsMessage(annotations), QueryParamConverters::integer);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Converter<>(name, boundsMessage(annotations), QueryParamConverters::longInteger);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(name, DATE_REASON, QueryParamConverters::plausibleDate);
        }
        return null;
    }

    /** The reason given for any query date that is not one, or that is out of range. */
    static final String DATE_REASON = "must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31";

    /**
     * A date within {@link PlausibleDate}'s range: {@code LocalDate.parse} alone takes {@code -4713-01-01}
     * or {@code 0000-06-15}, which PostgreSQL refuses (a 500) or reads as another day.
     */
    static LocalDate plausibleDate(String raw) {
        LocalDate date = LocalDate.parse(raw);
        if (!PlausibleDate.Range.contains(date)) {
            throw new DateTimeParseException("outside " + PlausibleDate.FLOOR + ".." + PlausibleDate.CEILING, raw, 0);
        }
        return date;
    }

    private static Integer integer(String raw) {
        // Digits only: "1e3", "1.5", "+5", " 5" are not integers a client meant.
        if (!raw.matches("-?\\d{1,10}")) {
            throw new NumberFormatException(raw);
        }
        long value = Long.parseLong(raw);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new NumberFormatException(raw);
        }
        return (int) value;
    }

    /** For parameters whose large values are capped rather than refused ({@code limit=9999999999}). */
    private static Long longInteger(String raw) {
        if (!raw.matches("-?\\d{1,19}")) {
            throw new NumberFormatException(raw);
        }
        return Long.parseLong(raw);
    }

    /** A number out of its bounds and a word where a number belongs get the same reason: the bounds' own message. */
    private static String boundsMessage(Annotation[] annotations) {
        for (Annotation a : annotations) {
            String message = a instanceof Min min ? min.message() : a instanceof Max max ? max.message() : null;
            if (message != null && !message.startsWith("{")) {
                return message;
            }
        }
        return "must be an integer";
    }

    private static String queryName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof RestQuery q) {
                return q.value();
            }
            if (a instanceof QueryParam q) {
                return q.value();
            }
        }
        return null;
    }

    private record Converter<T>(String name, String reason, Parse<T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (NumberFormatException | DateTimeParseException e) {
                // Anything but a WebApplicationException is turned into a 404 by the REST layer.
                throw new BadRequestException(ApiException.invalidField(name.isEmpty() ? "query parameter" : name, reason));
            }
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }

    @FunctionalInterface
    private interface Parse<T> {
        T apply(String raw);
    }
}
