package io.bulliontracker.catalog;

import java.util.List;

/**
 * {@code GET /api/grades} in the shape the deployed web client reads: {@code {"data": [...]}} and no
 * {@code success} member, which crashes its grade form (a legacy shape the contract keeps).
 */
public record GradeList(List<Grade> data) {
}
