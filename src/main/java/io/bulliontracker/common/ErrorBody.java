package io.bulliontracker.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's failure envelope: {@code {"success": false, "error": "...", "details"?: {...}}}.
 * Registered for reflection by hand because it never appears in a resource method's signature: it
 * leaves inside a raw {@code Response} (exception mappers) or through an ObjectMapper (HttpErrorRoutes),
 * neither of which quarkus-rest can see when it registers the types of the native image.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Error", description = "Every failure's body")
public record ErrorBody(
        @Schema(description = "Always false") boolean success,
        @Schema(description = "What went wrong, for a person", example = "Invalid days: must be an integer from 1 to 3650")
        String error,
        @Schema(description = "The offending field and reason (field, reason; several: violations), row index or allowed values")
        Map<String, Object> details) {

    public static ErrorBody of(String error) {
        return new ErrorBody(false, error, null);
    }

    public static ErrorBody of(String error, Map<String, Object> details) {
        return new ErrorBody(false, error, details == null || details.isEmpty() ? null : details);
    }
}
