package io.bulliontracker.spot;

import io.bulliontracker.common.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with the rows of an import, collected over the whole batch so the 400 names the first
 * bad rows (index and reason) in the same shape as the price-guide import, and nothing is written.
 */
final class RowProblems {

    private static final int REPORTED = 20;

    private final List<Map<String, Object>> first = new ArrayList<>();
    private int total;

    void add(int index, String reason) {
        total++;
        if (first.size() < REPORTED) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", index);
            row.put("reason", reason);
            first.add(row);
        }
    }

    boolean isEmpty() {
        return total == 0;
    }

    void throwIfAny() {
        if (total == 0) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", first);
        details.put("invalidRows", total);
        Map<String, Object> head = first.get(0);
        throw new ApiException(400, total + " invalid price row" + (total == 1 ? "" : "s") + "; first at index "
                + head.get("index") + ": " + head.get("reason") + ". Nothing was written.", details);
    }
}
