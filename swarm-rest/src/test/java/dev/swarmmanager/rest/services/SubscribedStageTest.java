package dev.swarmmanager.rest.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log follow's answer is written on the executor's thread, never on the request thread, however fast it is ready. */
class SubscribedStageTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "managed-executor"));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void anAnswerReadyAtOnceIsStillWrittenByTheExecutorsThread() throws Exception {
        CompletionStage<String> answer = SubscribedStage.supplyOnceSubscribed(() -> "stream", executor, Duration.ofSeconds(10));
        Thread.sleep(200); // the request thread is still busy when the answer would be ready
        assertThat(writer(answer)).isEqualTo("managed-executor");
    }

    @Test
    void anAnswerMadeWithoutWaitingForTheSubscriptionWouldBeWrittenByTheRequestThread() throws Exception {
        // What the follow did before: the reason for SubscribedStage, and a check that this test can tell them apart.
        CompletionStage<String> answer = CompletableFuture.supplyAsync(() -> "stream", executor);
        Thread.sleep(200);
        assertThat(writer(answer)).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aFailureToMakeTheAnswerReachesTheContainer() throws Exception {
        CompletionStage<String> answer = SubscribedStage.supplyOnceSubscribed(() -> {
            throw new IllegalStateException("no follow");
        }, executor, Duration.ofSeconds(10));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        answer.whenComplete((value, error) -> failure.set(error)).toCompletableFuture().handle((v, e) -> v).get(5, TimeUnit.SECONDS);
        assertThat(failure.get()).hasMessage("no follow");
    }

    /** As Jersey does: an answer already done is written at once on this thread; otherwise by whoever completes it. */
    private static String writer(CompletionStage<String> answer) throws Exception {
        CompletableFuture<String> future = answer.toCompletableFuture();
        if (future.isDone()) {
            return Thread.currentThread().getName();
        }
        AtomicReference<String> thread = new AtomicReference<>();
        future.whenComplete((value, error) -> thread.set(Thread.currentThread().getName())).get(5, TimeUnit.SECONDS);
        return thread.get();
    }
}
