package dev.swarmmanager.rest.services;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A resource method's answer that completes only after the container has subscribed to it, on the executor's thread.
 * A JAX-RS container writes an answer that is complete when the method returns (or completes while it subscribes)
 * on the request thread; a log follow's answer goes on writing for as long as the follow lasts, and must not hold a
 * request thread for that long. Completed after the subscription, it is written by the thread that completes it.
 * Jersey (Payara) tests {@code isDone()} and then registers {@code whenComplete}; RESTEasy (Open Liberty) registers
 * {@code whenComplete}: any of the usual registrations counts.
 */
final class SubscribedStage<T> extends CompletableFuture<T> {

    private final CountDownLatch subscribed = new CountDownLatch(1);

    private SubscribedStage() {
    }

    /**
     * {@code answer}, supplied on {@code executor} once the container has subscribed (or after {@code patience}, should
     * it never do so in a way recognised here).
     */
    static <T> CompletionStage<T> supplyOnceSubscribed(Supplier<T> answer, Executor executor, Duration patience) {
        SubscribedStage<T> stage = new SubscribedStage<>();
        executor.execute(() -> {
            try {
                stage.subscribed.await(patience.toMillis(), TimeUnit.MILLISECONDS);
                stage.complete(answer.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stage.completeExceptionally(e);
            } catch (RuntimeException e) {
                stage.completeExceptionally(e);
            }
        });
        return stage;
    }

    /** Dependent stages are plain futures: only the container's subscription to this one is watched. */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return subscribed(super.whenComplete(action));
    }

    @Override
    public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return subscribed(super.handle(fn));
    }

    @Override
    public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
        return subscribed(super.thenAccept(action));
    }

    @Override
    public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
        return subscribed(super.thenApply(fn));
    }

    /** Counted once the callback is registered: a completion from now on runs it on the completing thread. */
    private <U> CompletableFuture<U> subscribed(CompletableFuture<U> dependent) {
        subscribed.countDown();
        return dependent;
    }
}
