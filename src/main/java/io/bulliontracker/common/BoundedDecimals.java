package io.bulliontracker.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.validation.constraints.Digits;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A safety net under the contract's decimal rule (at most 12 digits before the point and 12 after),
 * spread where every JSON body is read. {@code BigDecimal} takes {@code 1e-100000000} in a dozen bytes,
 * and the first {@code setScale} on it pins a thread for over a minute (76 s measured on an event loop).
 * Each route checks the contract's bound itself before any arithmetic, and answers in its own shape
 * (a bulk import names each bad row); this reader makes sure that a route which forgets cannot stall:
 *
 * <ul>
 * <li>A property without {@code @Digits} gets no decimal with more than {@value #SAFE_DIGITS} digits before
 * or after the point, the magnitude Jackson itself allows a BigDecimal it converts to an integer
 * ({@code StreamReadConstraints}). Up to there, rounding, comparing or printing a value costs
 * milliseconds (1e-100000: about 80 ms for five such operations, measured here); 12 digits are the
 * route's rule, not the reader's, so that its answers keep their shape.</li>
 * <li>A property with {@code @Digits} is left to that constraint, which counts digits without any
 * arithmetic, except for what it miscounts: Hibernate Validator subtracts scale from precision in an
 * int, so {@code 1e2147483647} counts as a negative number of integer digits and would pass.</li>
 * </ul>
 *
 * A refused value is a 400 naming the field by its path, with the contract's reason.
 */
public final class BoundedDecimals {

    public static final String REASON = "must have at most 12 digits before the decimal point and 12 after it";
    static final int SAFE_DIGITS = 100_000;

    private BoundedDecimals() {
    }

    /** More digits before or after the point than any arithmetic should meet. */
    static boolean beyondSafeDigits(BigDecimal value) {
        return value.scale() > SAFE_DIGITS || integerDigits(value) > SAFE_DIGITS;
    }

    /** True where {@code @Digits} miscounts, its int difference of precision and scale overflowing. */
    static boolean overflowsDigitCount(BigDecimal value) {
        long integerDigits = integerDigits(value);
        return integerDigits != (int) integerDigits;
    }

    private static long integerDigits(BigDecimal value) {
        return (long) value.precision() - value.scale();
    }

    /** Registers the bounded reader for every {@code BigDecimal} the ObjectMapper reads. */
    static SimpleModule module() {
        return new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new Reader());
    }

    /** A decimal refused for its size; {@link ErrorResponses} gives the client {@link #REASON} for its field. */
    public static final class OutOfBoundsException extends InvalidFormatException {

        OutOfBoundsException(JsonParser parser) {
            // The message does not print the value: a thousand-digit number would fill the log for nothing.
            super(parser, "Decimal refused for its number of digits", null, BigDecimal.class);
        }
    }

    /** Jackson's own BigDecimal reader, followed by the check. */
    static final class Reader extends NumberDeserializers.BigDecimalDeserializer implements ContextualDeserializer {

        /** The property declares {@code @Digits}: refuse only what that constraint cannot count. */
        private final boolean declared;

        Reader() {
            this(false);
        }

        private Reader(boolean declared) {
            this.declared = declared;
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && (declared ? overflowsDigitCount(value) : beyondSafeDigits(value))) {
                throw new OutOfBoundsException(parser);
            }
            return value;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean digits = property != null && property.getAnnotation(Digits.class) != null;
            return digits == declared ? this : new Reader(digits);
        }
    }
}
