package io.bulliontracker.valuation;

import jakarta.validation.constraints.Pattern;

/**
 * The optional body of a sync: absent, {@code {}} (every guide-price item) or {@code {"itemId": "…"}}
 * (that one item). Unknown fields are ignored, as everywhere.
 */
public record SyncRequest(
        // Null means "all"; a blank id could only ever name nothing. The pattern is linear in the length.
        @Pattern(regexp = "(?s)\\s*\\S.*", message = "must be a non-blank string")
        String itemId) {
}
