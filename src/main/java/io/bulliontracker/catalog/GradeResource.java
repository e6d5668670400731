package io.bulliontracker.catalog;

import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.Envelope;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/grades")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GradeResource {

    private final GradeCatalog grades;
    private final DatabaseDeadline deadline;

    public GradeResource(GradeCatalog grades, DatabaseDeadline deadline) {
        this.grades = grades;
        this.deadline = deadline;
    }

    @GET
    public Uni<Envelope<List<Grade>>> list() {
        return deadline.bound(grades.all()).map(Envelope::of);
    }
}
