package io.bulliontracker.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * The contract's failure envelope: {@code {"success": false, "error": "...", "details"?: {...}}}.
 * Registered for reflection by hand because it never appears in a resource method's signature: it
 * leaves inside a raw {@code Response} (exception mappers) or through an ObjectMapper (HttpErrorRoutes),
 * neither of which quarkus-rest can see when it registers the types of the native image.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(boolean success, String error, Map<String, Object> details) {

    public static ErrorBody of(String error) {
        return new ErrorBody(false, error, null);
    }

    public static ErrorBody of(String error, Map<String, Object> details) {
        return new ErrorBody(false, error, details == null || details.isEmpty() ? null : details);
    }
}
