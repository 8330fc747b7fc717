package dev.swarmmanager.rest.exports;

import dev.swarmmanager.exports.boundary.Exports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The whole cluster's services and stacks as Compose files in one zip: the regular backup of configuration. */
@Tag(name = "Export", description = "Compose files of what runs")
@Path("export")
@ApplicationScoped
public class ExportResource {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Inject
    Exports exports;

    @Operation(operationId = "exportCluster", summary = "Every stack and service as Compose files, in a zip (stacks/<name>.yml, services/<name>.yml, WARNINGS.txt)")
    @APIResponse(responseCode = "200", description = "The zip", content = @Content(mediaType = "application/zip",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response archive() {
        return Response.ok(exports.archive(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"swarm-export-" + STAMP.format(Instant.now()) + ".zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
