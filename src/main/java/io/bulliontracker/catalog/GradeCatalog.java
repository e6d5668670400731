package io.bulliontracker.catalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The valid grades. They are reference data seeded by a migration and never written at run time, so
 * the list is read once and kept: validating 100,000 price rows costs no extra statement.
 */
@ApplicationScoped
public class GradeCatalog {

    private final Pool pool;
    private volatile List<Grade> grades;

    public GradeCatalog(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Grade>> all() {
        List<Grade> known = grades;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return pool.query("SELECT grade_code, numeric_value, grade_category, display_order FROM valid_grades ORDER BY display_order")
                .execute()
                .map(rows -> {
                    List<Grade> loaded = new ArrayList<>();
                    for (Row row : rows) {
                        loaded.add(new Grade(row.getString(0), row.getInteger(1), row.getString(2), row.getInteger(3)));
                    }
                    grades = List.copyOf(loaded);
                    return grades;
                });
    }

    public Uni<Set<String>> codes() {
        return all().map(list -> list.stream().map(Grade::gradeCode).collect(Collectors.toUnmodifiableSet()));
    }
}
