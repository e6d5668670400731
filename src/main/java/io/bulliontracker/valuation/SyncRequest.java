package io.bulliontracker.valuation;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The optional body of a sync: absent, {@code {}} (every guide-price item) or {@code {"itemId": "…"}}
 * (that one item). Unknown fields are ignored, as everywhere.
 */
@Schema(description = "Which items to sync; send no body or {} for all of the caller's guide-price items")
public record SyncRequest(
        // Null means "all"; a blank id could only ever name nothing. The pattern is linear in the length.
        @Pattern(regexp = "(?s)\\s*\\S.*", message = "must be a non-blank string")
        @Schema(description = "Sync only this item of the caller's collection", example = "clx1a2b3c")
        String itemId) {
}
