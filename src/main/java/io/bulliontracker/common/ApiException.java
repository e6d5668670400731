package io.bulliontracker.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** A failure the client caused or may act on; rendered as the contract's error envelope. */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient Map<String, Object> details;

    public ApiException(int status, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.details = details;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message, null);
    }

    /** A 400 that names the offending field and why it was refused. */
    public static ApiException invalidField(String field, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("reason", reason);
        return new ApiException(400, "Invalid " + field + ": " + reason, details);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found", null);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }
}
