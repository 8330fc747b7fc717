package dev.swarmmanager.rest.services;

import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Removed;
import dev.swarmmanager.rest.json.Requests;
import dev.swarmmanager.services.boundary.Services;
import dev.swarmmanager.tasks.boundary.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The Swarm's services, their tasks and logs; {@code name} is a service name, ID or ID prefix. */
@Path("services")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServicesResource {

    static final int DEFAULT_TAIL = 100;

    @Inject
    Services services;

    @Inject
    Tasks tasks;

    @GET
    public Envelope list(@QueryParam("name") String name, @QueryParam("label") String label,
                         @QueryParam("mode") String mode, @QueryParam("stack") String stack) {
        return Envelope.of(services.list(new ServiceFilter(name, label, mode, stack)));
    }

    @GET
    @Path("{name}")
    public Envelope inspect(@PathParam("name") String name) {
        return Envelope.of(services.inspect(name));
    }

    @POST
    @Path("{name}/scale")
    public Envelope scale(@PathParam("name") String name, ScaleRequest request) {
        ScaleRequest body = Requests.body(request, "{\"replicas\": 5}");
        return Envelope.of(services.scale(name,
                Requests.wholeNumber(Requests.field(body.replicas(), "replicas", "5"), "replicas")));
    }

    @PUT
    @Path("{name}/image")
    public Envelope image(@PathParam("name") String name, ImageRequest request) {
        ImageRequest body = Requests.body(request, "{\"image\": \"ocr-worker:2.0\"}");
        return Envelope.of(services.updateImage(name, Requests.field(body.image(), "image", "\"ocr-worker:2.0\"")));
    }

    @DELETE
    @Path("{name}")
    public Envelope remove(@PathParam("name") String name) {
        services.remove(name);
        return Envelope.of(new Removed("service", name));
    }

    @GET
    @Path("{name}/tasks")
    public Envelope tasks(@PathParam("name") String name) {
        return Envelope.of(tasks.list(name));
    }

    /** The newest {@code tail} lines (default 100), oldest first. */
    @GET
    @Path("{name}/logs")
    public Envelope logs(@PathParam("name") String name, @QueryParam("tail") String tail) {
        return Envelope.of(tasks.logs(name, Requests.integer(tail, "tail", DEFAULT_TAIL)));
    }
}
