package io.bulliontracker.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.IntFunction;

/**
 * Runs step 0, 1, ..., n-1 one after another, each starting when the previous one's future completes:
 * the per-item loop of the N+1 design ({@code for (item of items) await ...}). A flat loop, not a chain
 * of n nested futures, so 30,000 steps do not build a 30,000-deep completion stack.
 */
final class SequentialLoop {

    private final int count;
    private final IntFunction<Future<?>> step;
    private final Promise<Void> done = Promise.promise();

    private SequentialLoop(int count, IntFunction<Future<?>> step) {
        this.count = count;
        this.step = step;
    }

    static Future<Void> run(int count, IntFunction<Future<?>> step) {
        SequentialLoop loop = new SequentialLoop(count, step);
        loop.next(0);
        return loop.done.future();
    }

    private void next(int i) {
        if (i == count) {
            done.complete();
            return;
        }
        step.apply(i).onComplete(result -> {
            if (result.failed()) {
                done.fail(result.cause());
            } else {
                next(i + 1);
            }
        });
    }
}
