package dev.swarmmanager.rest.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.ScalingPolicy;
import dev.swarmmanager.rest.json.JsonMapping;
import jakarta.json.bind.Jsonb;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScalingPolicyRequestTest {

    private final Jsonb jsonb = JsonMapping.create();

    @Test
    void aPolicyReadBackIsSentBackUnchanged() {
        ScalingPolicy sent = jsonb.fromJson("{\"min_replicas\":1,\"max_replicas\":4,\"metric\":\"prometheus\",\"query\":\"sum(q)\",\"target\":10,"
                + "\"scale_up_cooldown_seconds\":10,\"scale_down_cooldown_seconds\":11,\"scale_down_window_seconds\":0,\"scale_up_window_seconds\":7,"
                + "\"tolerance\":0.2,\"max_step\":2,\"dry_run\":true}", ScalingPolicyRequest.class).toPolicy("ocr");
        assertThat(sent.scaleDownWindow()).isEqualTo(Duration.ZERO);
        assertThat(sent.scaleUpWindow()).isEqualTo(Duration.ofSeconds(7));
        assertThat(sent.scaleUpCooldown()).isEqualTo(Duration.ofSeconds(10));
        assertThat(sent.scaleDownCooldown()).isEqualTo(Duration.ofSeconds(11));
        assertThat(sent.tolerance()).isEqualTo(0.2);
        assertThat(sent.maxStep()).isEqualTo(2);
        assertThat(sent.dryRun()).isTrue();

        String shown = jsonb.toJson(ScalingPolicyView.of(sent));
        ScalingPolicy again = jsonb.fromJson(shown, ScalingPolicyRequest.class).toPolicy("ocr");
        assertThat(again).usingRecursiveComparison().ignoringFields("updatedBy", "updatedAt").isEqualTo(sent);
    }
}
