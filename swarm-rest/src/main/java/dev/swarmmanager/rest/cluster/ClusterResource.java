package dev.swarmmanager.rest.cluster;

import dev.swarmmanager.cluster.boundary.Cluster;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The Swarm itself: {@code /info}, {@code /init}, {@code /leave}, {@code /join-token/{role}}. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClusterResource {

    @Inject
    Cluster cluster;

    @GET
    @Path("info")
    public Envelope info() {
        return Envelope.of(cluster.info());
    }

    @POST
    @Path("init")
    public Response init(InitRequest request, @Context UriInfo uri) {
        InitRequest body = Requests.body(request, "{\"advertise_addr\": \"192.168.1.10\"}");
        var info = cluster.init(Requests.field(body.advertiseAddr(), "advertise_addr", "\"192.168.1.10\""));
        return Response.created(uri.getBaseUriBuilder().path("info").build()).entity(Envelope.of(info)).build();
    }

    @POST
    @Path("leave")
    public Envelope leave(LeaveRequest request) {
        boolean force = request != null && Boolean.TRUE.equals(request.force());
        cluster.leave(force);
        return Envelope.of(new Left(true, force));
    }

    @GET
    @Path("join-token/{role}")
    public Envelope joinToken(@PathParam("role") String role) {
        return Envelope.of(cluster.joinToken(role));
    }

    /** The answer to a leave: the engine is no longer in a Swarm. */
    public record Left(boolean left, boolean forced) {
    }
}
