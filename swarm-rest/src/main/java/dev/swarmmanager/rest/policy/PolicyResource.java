package dev.swarmmanager.rest.policy;

import dev.swarmmanager.domain.DeploymentPolicyView;
import dev.swarmmanager.policy.boundary.DeploymentPolicy;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The deployment policy in force: what each role may deploy. */
@Tag(name = "Policy", description = "The deployment policy: what operators may deploy, what no one may")
@Path("policy")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    DeploymentPolicy policy;

    @Operation(operationId = "getPolicy", summary = "The deployment policy's rules in force, with their settings")
    @APIResponse(responseCode = "200", description = "The rules; admin_may false marks a limit that holds for everyone",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "DeploymentPolicyViewAnswer"), examples = @ExampleObject(name = "example",
                    value = "{\"success\":true,\"data\":{\"applies_to_admins\":false,\"shared_label\":\"swarm-manager.shared=true\",\"rules\":"
                            + "[{\"name\":\"capabilities\",\"description\":\"added capabilities (cap_add) only from the allow-list; never ALL\","
                            + "\"setting\":\"swarm.policy.allowed-capabilities\",\"value\":\"\",\"admin_may\":true}]}}")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Answer(DeploymentPolicyView.class)
    public Envelope policy() {
        return Envelope.of(policy.view());
    }
}
