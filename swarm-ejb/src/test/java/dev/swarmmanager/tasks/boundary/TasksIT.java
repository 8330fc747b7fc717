package dev.swarmmanager.tasks.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.LogLine;
import dev.swarmmanager.domain.LogStream;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import dev.swarmmanager.lab.InContainer;
import dev.swarmmanager.lab.Lab;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TasksIT extends InContainer {

    /**
     * Made once for the class by {@code @BeforeAll}, which Arquillian runs outside the server: the tests inside know the
     * service by this name, the same on both sides.
     */
    private static final String SERVICE = "it-tasks";

    @Inject
    Tasks tasks;

    @BeforeAll
    static void createService() {
        Lab.removeServiceQuietly(SERVICE); // left by an interrupted run
        Lab.createWorkerService(SERVICE, 2);
        // A worker logs a page a second, and a stderr line every fifth page: wait for two of those per replica.
        Lab.await(java.time.Duration.ofSeconds(30), () -> Lab.docker("service", "logs", "--raw", SERVICE).lines().count() >= 20,
                () -> "twenty log lines of " + SERVICE);
    }

    @AfterAll
    static void removeService() {
        Lab.removeServiceQuietly(SERVICE);
    }

    @Test
    void listServiceTasksShowsWhereEachRuns() {
        List<SwarmTask> listed = tasks.list(SERVICE);
        assertThat(listed).hasSize(2).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TaskState.RUNNING);
            assertThat(t.desiredState()).isEqualTo(TaskState.RUNNING);
            assertThat(t.serviceName()).isEqualTo(SERVICE);
            assertThat(t.nodeHostname()).isIn("manager1", "worker1", "worker2");
            assertThat(t.containerId()).isNotBlank();
            assertThat(t.image()).isEqualTo("ocr-worker:1.0");
        });
        assertThat(listed).extracting(SwarmTask::name).containsExactly(SERVICE + ".1", SERVICE + ".2");
        assertThat(listed).extracting(SwarmTask::id).containsExactlyInAnyOrderElementsOf(
                Lab.docker("service", "ps", SERVICE, "-q", "--no-trunc").lines().toList());
    }

    @Test
    void logsTailGivesTheNewestLinesOfAllTasksOldestFirst() {
        List<LogLine> lines = tasks.logs(SERVICE, 10);
        assertThat(lines).hasSize(10);
        assertThat(lines).isSortedAccordingTo(Comparator.comparing(LogLine::timestamp));
        assertThat(lines.get(9).timestamp()).isAfter(Instant.now().minusSeconds(10));
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.message()).startsWith("ocr-worker 1.0 ");
            assertThat(l.taskId()).isNotBlank();
            assertThat(l.nodeId()).isNotBlank();
        });
        assertThat(lines).extracting(LogLine::taskId).containsOnlyElementsOf(
                Lab.docker("service", "ps", SERVICE, "-q", "--no-trunc").lines().toList());
    }

    @Test
    void logsDistinguishStdoutFromStderr() {
        List<LogLine> lines = tasks.logs(SERVICE, 100);
        assertThat(lines).filteredOn(l -> l.stream() == LogStream.STDERR)
                .isNotEmpty().allSatisfy(l -> assertThat(l.message()).contains("queue empty"));
        assertThat(lines).filteredOn(l -> l.stream() == LogStream.STDOUT)
                .isNotEmpty().allSatisfy(l -> assertThat(l.message()).doesNotContain("queue empty"));
    }

    @Test
    void logsShowALineTheWorkerJustWrote() {
        Instant start = Instant.now();
        Lab.await(Duration.ofSeconds(10), () -> tasks.logs(SERVICE, 5).stream().anyMatch(l -> l.timestamp().isAfter(start)),
                () -> "a log line newer than " + start);
    }

    @Test
    void tailOutOfBoundsIsRejected() {
        assertThatThrownBy(() -> tasks.logs(SERVICE, 0)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("tail");
        assertThatThrownBy(() -> tasks.logs(SERVICE, 5001)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void unknownServicesAreNotFound() {
        assertThatThrownBy(() -> tasks.list("no-such-service")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> tasks.logs("no-such-service", 10)).isInstanceOf(ResourceNotFoundException.class);
    }
}
