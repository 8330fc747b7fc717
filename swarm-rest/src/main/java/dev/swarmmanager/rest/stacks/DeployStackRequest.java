package dev.swarmmanager.rest.stacks;

import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * {@code {"stack_name": "ocr", "stack_file": "<compose YAML>"}}, optionally with {@code variables} for
 * interpolation, {@code files} (the contents of files the Compose file names, by path) and {@code prune}.
 */
public record DeployStackRequest(@NotNull(message = "{required.example}|\"ocr\"") String stackName,
                                 @NotNull(message = "{stacks.file-required}") String stackFile,
                                 Map<String, String> variables, Map<String, String> files, Boolean prune) {
}
