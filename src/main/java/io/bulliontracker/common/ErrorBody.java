package io.bulliontracker.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The contract's failure envelope: {@code {"success": false, "error": "...", "details"?: {...}}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(boolean success, String error, Map<String, Object> details) {

    public static ErrorBody of(String error) {
        return new ErrorBody(false, error, null);
    }

    public static ErrorBody of(String error, Map<String, Object> details) {
        return new ErrorBody(false, error, details == null || details.isEmpty() ? null : details);
    }
}
