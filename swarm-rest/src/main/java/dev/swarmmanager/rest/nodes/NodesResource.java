package dev.swarmmanager.rest.nodes;

import dev.swarmmanager.nodes.boundary.Nodes;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Removed;
import dev.swarmmanager.rest.json.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The Swarm's nodes; {@code node_id} is an ID, an ID prefix or a hostname. */
@Path("nodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NodesResource {

    @Inject
    Nodes nodes;

    @GET
    public Envelope list() {
        return Envelope.of(nodes.list());
    }

    @GET
    @Path("{node_id}")
    public Envelope inspect(@PathParam("node_id") String node) {
        return Envelope.of(nodes.inspect(node));
    }

    @PUT
    @Path("{node_id}/availability")
    public Envelope availability(@PathParam("node_id") String node, AvailabilityRequest request) {
        AvailabilityRequest body = Requests.body(request, "{\"availability\": \"drain\"}");
        return Envelope.of(nodes.updateAvailability(node,
                Requests.field(body.availability(), "availability", "\"drain\" (active, pause or drain)")));
    }

    @DELETE
    @Path("{node_id}")
    public Envelope remove(@PathParam("node_id") String node, @QueryParam("force") String force) {
        nodes.remove(node, Requests.flag(force, "force"));
        return Envelope.of(new Removed("node", node));
    }
}
