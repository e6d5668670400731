package io.bulliontracker.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The one place that turns any failure into the contract's error envelope. The REST exception mappers
 * and the HTTP-layer failure handler both end here, so every 4xx/5xx looks the same to clients, and
 * nothing internal (stack trace, SQL, class name) ever reaches a response body.
 */
public final class ErrorResponses {

    public static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    public static Response from(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ApiException api) {
            return build(api.status(), ErrorBody.of(api.getMessage(), api.details()));
        }
        if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException
                || t instanceof AuthenticationCompletionException) {
            return build(401, ErrorBody.of("Authentication required: a valid bearer token is missing"));
        }
        if (t instanceof ForbiddenException) {
            return build(403, ErrorBody.of("Not allowed for this user"));
        }
        if (t instanceof ConstraintViolationException cve) {
            return build(400, validation(cve));
        }
        if (t instanceof JsonProcessingException json) {
            return build(400, jsonError(json));
        }
        if (t instanceof WebApplicationException wae) {
            Throwable cause = unwrap(wae.getCause());
            if (cause instanceof ApiException api) {
                return build(api.status(), ErrorBody.of(api.getMessage(), api.details()));
            }
            if (cause instanceof JsonProcessingException json) {
                return build(400, jsonError(json));
            }
            return forStatus(wae.getResponse().getStatus());
        }
        if (DatabaseFailures.isUnrepresentableText(t)) {
            // PostgreSQL text cannot hold a NUL character: whatever id or value carried one names nothing.
            return build(400, ErrorBody.of("Invalid characters in the request (a NUL byte)"));
        }
        if (DatabaseFailures.isConcurrencyConflict(t)) {
            // Still conflicting after ConflictRetry's attempts: a retry later should get through.
            LOG.warnf("Concurrent write conflict: %s", String.valueOf(t));
            return unavailable("Conflicting concurrent write (deadlock or serialization failure), retry later");
        }
        if (DatabaseFailures.isUnavailable(t)) {
            LOG.warnf("Database unavailable: %s", String.valueOf(t));
            return unavailable();
        }
        LOG.error("Unhandled failure", t);
        return build(500, ErrorBody.of("Internal server error"));
    }

    /** Status-only failures raised by the framework (routing, media types, body size). */
    public static Response forStatus(int status) {
        String message = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required: a valid bearer token is missing";
            case 403 -> "Not allowed for this user";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable: this service answers application/json";
            case 413 -> "Request body too large: the limit is 10 MiB";
            case 414 -> "URL too long: the limit is 16 KiB";
            case 415 -> "Unsupported media type: send application/json";
            case 431 -> "Request headers too large: the limit is 20 KiB in all";
            case 503 -> "Service unavailable, retry later";
            default -> status >= 500 ? "Internal server error" : "Request refused";
        };
        if (status == 503) {
            return unavailable();
        }
        return build(status, ErrorBody.of(message));
    }

    public static Response unavailable() {
        return unavailable("Database unavailable, retry later");
    }

    private static Response unavailable(String message) {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(ErrorBody.of(message)).build();
    }

    private static Response build(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompositeException composite && !composite.getCauses().isEmpty()) {
            t = composite.getCauses().get(0);
        }
        return t;
    }

    private static ErrorBody jsonError(JsonProcessingException json) {
        if (!(json instanceof JsonMappingException mapping) || isParseError(json) || isTrailingContent(mapping)) {
            return ErrorBody.of("Malformed JSON body");
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return ErrorBody.of("Malformed JSON body: unexpected shape");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        if (json instanceof BoundedDecimals.OutOfBoundsException) {
            details.put("reason", BoundedDecimals.REASON);
            return ErrorBody.of("Invalid " + field + ": " + BoundedDecimals.REASON, details);
        }
        details.put("reason", "wrong type or format");
        return ErrorBody.of("Invalid value for " + field, details);
    }

    /**
     * A second value after the body's JSON ({@code {} {}}) is refused by FAIL_ON_TRAILING_TOKENS with a
     * mapping error of no type of its own, only this message; a client sent malformed JSON, not a wrong shape.
     */
    private static boolean isTrailingContent(JsonMappingException mapping) {
        return mapping.getPath().isEmpty() && mapping.getOriginalMessage() != null
                && mapping.getOriginalMessage().startsWith("Trailing token");
    }

    /**
     * Jackson wraps a syntax error met inside a field ({@code {"itemId": } cut short) in a mapping
     * error that carries the field's path; it is still malformed JSON, not a wrong value for that field.
     */
    private static boolean isParseError(Throwable json) {
        for (Throwable t = json; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bean Validation failures read like every other 400: "Invalid field: reason", details naming the
     * field. Several at once are all listed, the first (by field name, for a stable answer) in the message.
     */
    private static ErrorBody validation(ConstraintViolationException cve) {
        List<Map<String, Object>> violations = cve.getConstraintViolations().stream()
                .map(ErrorResponses::violation)
                .sorted(Comparator.comparing((Map<String, Object> v) -> (String) v.get("field"))
                        .thenComparing(v -> (String) v.get("reason")))
                .toList();
        if (violations.isEmpty()) {
            return ErrorBody.of("Bad request");
        }
        Map<String, Object> details = new LinkedHashMap<>(violations.get(0));
        if (violations.size() > 1) {
            details.put("violations", violations);
        }
        return ErrorBody.of("Invalid " + details.get("field") + ": " + details.get("reason"), details);
    }

    private static Map<String, Object> violation(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // Method-parameter paths look like "performance.days"; the client knows only the last part.
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("field", field);
        one.put("reason", v.getMessage());
        return one;
    }
}
