package io.bulliontracker.catalog;

import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.ErrorBody;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/grades")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class GradeResource {

    private final GradeCatalog grades;
    private final DatabaseDeadline deadline;

    public GradeResource(GradeCatalog grades, DatabaseDeadline deadline) {
        this.grades = grades;
        this.deadline = deadline;
    }

    @GET
    @Operation(summary = "The valid grade codes",
            description = "The 41 PCGS codes by display order, as {\"data\": [...]} without a success member "
                    + "(a legacy shape: the web client's grade form breaks on one). Errors use the envelope.")
    @APIResponse(responseCode = "200", description = "The grades",
            content = @Content(schema = @Schema(implementation = GradeList.class)))
    @APIResponse(responseCode = "503", description = "Database unavailable (Retry-After)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<GradeList> list() {
        return deadline.bound(grades.all()).map(GradeList::new);
    }
}
