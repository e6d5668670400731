package io.bulliontracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Digits;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service's ObjectMapper settings, read without starting the service. */
class StrictJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    static {
        new StrictJson().customize(JSON);
    }

    record Sync(String itemId) {
    }

    record Priced(BigDecimal price, List<BigDecimal> history) {
    }

    record Rows(List<Priced> rows) {
    }

    /** A field that states its own bounds, as the catalog and collection records do. */
    record Declared(@Digits(integer = 12, fraction = 12, message = "has too many digits") BigDecimal price) {
    }

    private static ErrorBody refusal(String json, Class<?> type) {
        JsonProcessingException refused = assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, type));
        Response response = ErrorResponses.from(refused);
        assertEquals(400, response.getStatus());
        return (ErrorBody) response.getEntity();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{\"itemId\": \"a\"} xyz", "{}]", "{} 1", "{}{}", "null null"})
    void aBodyIsOneJsonValueNothingAfterIt(String json) {
        ErrorBody body = refusal(json, Sync.class);

        assertEquals("Malformed JSON body", body.error());
        assertEquals(null, body.details());
    }

    @Test
    void whitespaceAfterTheValueIsFine() throws Exception {
        assertEquals(new Sync("a"), JSON.readValue("{\"itemId\": \"a\"} \r\n\t ", Sync.class));
    }

    /**
     * 1e-100000000 is what used to pin an event loop in setScale for 76 s. Past 100,000 digits before or
     * after the point no field reads a decimal, whether or not its route checks the contract's 12.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1e-100000000", "1e-100001", "-1e-100001", "1e100001", "123e100000", "1e2147483647", "-1e+2147483647"})
    void decimalsBeyondAHundredThousandDigitsAreRefusedAsTheyAreRead(String number) {
        long started = System.nanoTime();

        ErrorBody body = refusal("{\"price\": " + number + "}", Priced.class);

        assertEquals("Invalid price: must have at most 12 digits before the decimal point and 12 after it", body.error());
        assertEquals(Map.of("field", "price", "reason", "must have at most 12 digits before the decimal point and 12 after it"),
                body.details());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1000, "took " + millis + " ms");
    }

    @Test
    void theBoundIsNamedByItsPathInsideListsAndArrays() {
        assertEquals("history[1]", refusal("{\"price\": 1, \"history\": [1, 1e-300000]}", Priced.class).details().get("field"));
        assertEquals("rows[2].price", refusal("{\"rows\": [{}, {\"price\": 2}, {\"price\": 1e200000}]}", Rows.class)
                .details().get("field"));
        assertEquals("[0]", refusal("[1e-400000]", BigDecimal[].class).details().get("field"));
    }

    /** The contract's 12 digits are each route's own check, so that it can answer in its own shape (a row's index). */
    @ParameterizedTest
    @ValueSource(strings = {"999999999999.999999999999", "-999999999999.999999999999", "0.000000000001", "1E+11", "0", "12.50",
            "1e20", "1234567890123.5", "0.0000000000001", "1e-20000", "1e-100000", "1e99999"})
    void decimalsUpToAHundredThousandDigitsAreReadExactly(String number) throws Exception {
        assertEquals(new BigDecimal(number), JSON.readValue("{\"price\": " + number + "}", Priced.class).price());
    }

    /** A field with @Digits is left to Bean Validation, which counts the same digits without arithmetic. */
    @Test
    void aFieldThatDeclaresItsDigitsIsLeftToItsConstraint() throws Exception {
        long started = System.nanoTime();

        Declared read = JSON.readValue("{\"price\": 1e-100000000}", Declared.class);
        List<String> reasons = VALIDATOR.validate(read).stream().map(ConstraintViolation::getMessage).toList();

        assertEquals(new BigDecimal("1e-100000000"), read.price());
        assertEquals(List.of("has too many digits"), reasons);
        assertEquals(List.of(), VALIDATOR.validate(JSON.readValue("{\"price\": 999999999999.999999999999}", Declared.class))
                .stream().map(ConstraintViolation::getMessage).toList());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1000, "took " + millis + " ms");
    }

    /** Hibernate Validator counts 1e2147483647's integer digits in an int, which overflows: its @Digits would pass it. */
    @ParameterizedTest
    @ValueSource(strings = {"1e2147483647", "-123e2147483647"})
    void whatDigitsMiscountsIsRefusedEvenWhereItIsDeclared(String number) {
        ErrorBody body = refusal("{\"price\": " + number + "}", Declared.class);

        assertEquals("Invalid price: must have at most 12 digits before the decimal point and 12 after it", body.error());
    }
}
