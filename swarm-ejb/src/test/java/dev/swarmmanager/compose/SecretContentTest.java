package dev.swarmmanager.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretContentTest {

    @Test
    void aSecretsInlineContentBecomesAVariableAndTheFileStillDeploysTheSame() {
        String file = "services:\n  db:\n    image: postgres:16\n    secrets: [pw]\nsecrets:\n  pw:\n    content: \"s3cret-${SALT}\"\n  other:\n    file: ./other.txt\n";

        SecretContent kept = SecretContent.of(file);

        assertThat(kept.file()).doesNotContain("s3cret").contains("${SECRET_CONTENT_PW}", "file: ./other.txt");
        assertThat(kept.newVariables()).containsExactly("SECRET_CONTENT_PW");
        assertThat(kept.usedInContent()).containsExactly("SALT");
        List<String> warnings = new ArrayList<>();
        ComposeNode again = ComposeLoader.load(kept.file(), Map.of("SECRET_CONTENT_PW", "s3cret-x"), warnings);
        assertThat(again.get("secrets").get("pw").get("content").string()).isEqualTo("s3cret-x");
    }

    @Test
    void aFileWithoutInlineSecretsIsKeptAsSent() {
        String file = "# comment\nservices:\n  web:\n    image: nginx\n";
        assertThat(SecretContent.of(file).file()).isSameAs(file);
    }
}
