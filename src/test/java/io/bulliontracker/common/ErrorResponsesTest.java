package io.bulliontracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulliontracker.testing.ResponseChecks;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of failure to its status and envelope, without starting the service. */
class ErrorResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Line(int quantity) {
    }

    record Order(List<Line> lines) {
    }

    record Input(@Min(value = 1, message = "must be at least 1") int quantity,
            @NotNull(message = "is required") String metal) {
    }

    static class Route {
        void performance(@Min(value = 1, message = "must be an integer from 1 to 3650")
                @Max(value = 3650, message = "must be an integer from 1 to 3650") int days) {
        }
    }

    private static ErrorBody body(Response response) {
        assertEquals("application/json", response.getMediaType().toString());
        return (ErrorBody) response.getEntity();
    }

    /** Serialised as a client sees it: no stack trace, class name or SQL. */
    private static void assertLeaksNothing(Response response) throws JsonProcessingException {
        ResponseChecks.assertLeaksNothing(JSON.writeValueAsString(response.getEntity()));
    }

    @Test
    void apiExceptionKeepsItsStatusMessageAndDetails() {
        Response response = ErrorResponses.from(ApiException.invalidField("grade", "is not a grade code"));

        assertEquals(400, response.getStatus());
        ErrorBody body = body(response);
        assertFalse(body.success());
        assertEquals("Invalid grade: is not a grade code", body.error());
        assertEquals(Map.of("field", "grade", "reason", "is not a grade code"), body.details());

        Response notFound = ErrorResponses.from(ApiException.notFound("Item"));
        assertEquals(404, notFound.getStatus());
        assertEquals("Item not found", body(notFound).error());
        assertNull(body(notFound).details());
    }

    @Test
    void securityFailuresAre401Or403() {
        for (RuntimeException unauthenticated : List.of(new UnauthorizedException(), new AuthenticationFailedException("bad signature"))) {
            Response response = ErrorResponses.from(unauthenticated);
            assertEquals(401, response.getStatus());
            assertEquals("Authentication required: a valid bearer token is missing", body(response).error());
        }
        Response forbidden = ErrorResponses.from(new ForbiddenException("role admin missing"));
        assertEquals(403, forbidden.getStatus());
        assertEquals("Not allowed for this user", body(forbidden).error());
    }

    @Test
    void oneConstraintViolationNamesItsField() {
        Response response = ErrorResponses.from(new ConstraintViolationException(VALIDATOR.validate(new Input(5, null))));

        assertEquals(400, response.getStatus());
        assertEquals("Invalid metal: is required", body(response).error());
        assertEquals(Map.of("field", "metal", "reason", "is required"), body(response).details());
    }

    @Test
    void severalViolationsAreAllListedTheFirstByFieldNameInTheMessage() {
        Response response = ErrorResponses.from(new ConstraintViolationException(VALIDATOR.validate(new Input(0, null))));

        assertEquals(400, response.getStatus());
        ErrorBody body = body(response);
        assertEquals("Invalid metal: is required", body.error());
        assertEquals("metal", body.details().get("field"));
        assertEquals(List.of(Map.of("field", "metal", "reason", "is required"),
                Map.of("field", "quantity", "reason", "must be at least 1")), body.details().get("violations"));
    }

    @Test
    void parameterViolationNamesTheParameterAsTheClientKnowsIt() throws Exception {
        Method method = Route.class.getDeclaredMethod("performance", int.class);
        var violations = VALIDATOR.forExecutables().validateParameters(new Route(), method, new Object[] {0});

        Response response = ErrorResponses.from(new ConstraintViolationException(violations));

        assertEquals(400, response.getStatus());
        assertEquals("Invalid days: must be an integer from 1 to 3650", body(response).error());
        assertEquals("days", body(response).details().get("field"));
    }

    @Test
    void malformedJsonIsA400WithoutTheParsersWords() throws Exception {
        JsonProcessingException broken = assertThrows(JsonProcessingException.class, () -> JSON.readValue("{\"lines\": [", Order.class));

        Response response = ErrorResponses.from(broken);

        assertEquals(400, response.getStatus());
        assertEquals("Malformed JSON body", body(response).error());
        assertLeaksNothing(response);
    }

    @Test
    void jsonOfTheWrongShapeNamesTheFieldByItsPath() throws Exception {
        JsonProcessingException wrongType = assertThrows(JsonProcessingException.class,
                () -> JSON.readValue("{\"lines\": [{\"quantity\": 1}, {\"quantity\": \"five\"}]}", Order.class));

        Response response = ErrorResponses.from(wrongType);

        assertEquals(400, response.getStatus());
        assertEquals("Invalid value for lines[1].quantity", body(response).error());
        assertEquals(Map.of("field", "lines[1].quantity", "reason", "wrong type or format"), body(response).details());
        assertLeaksNothing(response);
    }

    @Test
    void jsonOfTheWrongShapeAtTheTopIsAMalformedBody() {
        JsonProcessingException array = assertThrows(JsonProcessingException.class, () -> JSON.readValue("[1, 2]", Line.class));

        Response response = ErrorResponses.from(array);

        assertEquals(400, response.getStatus());
        assertEquals("Malformed JSON body: unexpected shape", body(response).error());
    }

    @Test
    void frameworkExceptionsKeepTheirCauseOrTheirStatus() throws Exception {
        Response api = ErrorResponses.from(new WebApplicationException(ApiException.invalidField("days", "must be an integer"), 400));
        assertEquals("Invalid days: must be an integer", body(api).error());

        JsonProcessingException json = assertThrows(JsonProcessingException.class, () -> JSON.readValue("{", Line.class));
        Response wrappedJson = ErrorResponses.from(new WebApplicationException(json, 400));
        assertEquals(400, wrappedJson.getStatus());
        assertEquals("Malformed JSON body", body(wrappedJson).error());

        assertEquals("Not found", body(ErrorResponses.from(new NotFoundException())).error());
        assertEquals(405, ErrorResponses.from(new NotAllowedException("GET")).getStatus());
        assertEquals("Unsupported media type: send application/json", body(ErrorResponses.from(new NotSupportedException())).error());
        assertEquals(406, ErrorResponses.from(new NotAcceptableException()).getStatus());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "400|Bad request",
            "404|Not found",
            "405|Method not allowed",
            "413|Request body too large: the limit is 10 MiB",
            "415|Unsupported media type: send application/json",
            "418|Request refused",
            "500|Internal server error",
            "502|Internal server error"})
    void statusOnlyFailuresGetAMessageForAPerson(int status, String message) {
        Response response = ErrorResponses.forStatus(status);

        assertEquals(status, response.getStatus());
        assertEquals(message, body(response).error());
        assertNull(response.getHeaderString("Retry-After"));
    }

    @Test
    void compositeFailuresAreJudgedByTheirFirstCause() {
        Response first = ErrorResponses.from(new CompositeException(
                new ApiException(409, "A refresh is already running", null), new IllegalStateException("second")));
        assertEquals(409, first.getStatus());
        assertEquals("A refresh is already running", body(first).error());

        Response nested = ErrorResponses.from(new CompositeException(new CompositeException(
                new DatabaseUnavailableException("gone", null), new RuntimeException("x")), new RuntimeException("y")));
        assertEquals(503, nested.getStatus());
    }

    @Test
    void databaseAwayIs503WithRetryAfter() throws Exception {
        List<Throwable> away = List.of(
                new DatabaseUnavailableException("Database did not answer within PT3S", null),
                new RuntimeException("wrapped", new ConnectException("Connection refused: 127.0.0.1/127.0.0.1:5432")),
                new TimeoutException(),
                new NoStackTraceThrowable("Timeout"),
                new PgException("terminating connection due to administrator command", "FATAL", "57P01", null),
                new PgException("canceling statement due to statement timeout", "ERROR", "57014", null),
                new PgException("sorry, too many clients already", "FATAL", "53300", null),
                new WebApplicationException(503));
        for (Throwable failure : away) {
            Response response = ErrorResponses.from(failure);

            assertEquals(503, response.getStatus(), failure::toString);
            assertEquals("5", response.getHeaderString("Retry-After"));
            assertEquals("Database unavailable, retry later", body(response).error());
            assertLeaksNothing(response);
        }
    }

    @Test
    void textPostgresqlCannotStoreIsA400() throws Exception {
        Response response = ErrorResponses.from(new RuntimeException("insert failed",
                new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null)));

        assertEquals(400, response.getStatus());
        assertEquals("Invalid characters in the request (a NUL byte)", body(response).error());
        assertLeaksNothing(response);
    }

    @Test
    void anyOtherFailureIsA500ThatSaysNothingInternal() throws Exception {
        List<Throwable> bugs = List.of(
                new PgException("duplicate key value violates unique constraint \"collection_items_pkey\"", "ERROR", "23505",
                        "Key (id)=(x) already exists. SELECT * FROM collection_items"),
                new NullPointerException("Cannot invoke \"java.math.BigDecimal.add\" at io.bulliontracker.X"),
                new IllegalStateException("SELECT secret FROM postgres"));
        for (Throwable bug : bugs) {
            Response response = ErrorResponses.from(bug);

            assertEquals(500, response.getStatus());
            assertEquals("Internal server error", body(response).error());
            assertNull(body(response).details());
            assertNull(response.getHeaderString("Retry-After"));
            assertLeaksNothing(response);
        }
    }
}
