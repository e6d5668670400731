package io.bulliontracker.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.AssertTrue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collects what is wrong with the rows of a bulk write, so that the whole batch is checked before
 * anything is written and the 400 names the first bad rows (index and reason). Every bulk import (coins,
 * price guide, spot prices) answers in this one shape.
 */
public final class RowErrors {

    private static final int REPORTED = 20;

    private final List<Map<String, Object>> first = new ArrayList<>();
    private int total;

    public void add(int index, String reason) {
        total++;
        if (first.size() < REPORTED) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", index);
            row.put("reason", reason);
            first.add(row);
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public void throwIfAny(String what) {
        if (total == 0) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", first);
        details.put("invalidRows", total);
        Map<String, Object> head = first.get(0);
        throw new ApiException(400, total + " invalid " + what + (total == 1 ? "" : "s") + "; first at index "
                + head.get("index") + ": " + head.get("reason") + ". Nothing was written.", details);
    }

    /**
     * One row's Bean Validation failures as one reason ("denomination is required; fullName is
     * required"), by field name for a stable answer; null when there are none. A cross-field rule
     * ({@code @AssertTrue}) names its fields in its own message.
     */
    public static <T> String reason(Set<ConstraintViolation<T>> violations) {
        if (violations.isEmpty()) {
            return null;
        }
        return violations.stream()
                .map(v -> v.getConstraintDescriptor().getAnnotation() instanceof AssertTrue
                        ? v.getMessage() : v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .distinct()
                .collect(Collectors.joining("; "));
    }
}
