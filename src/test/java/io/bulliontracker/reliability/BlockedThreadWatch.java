package io.bulliontracker.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects Vert.x's blocked-thread warnings while installed: an event loop blocked by our code shows up here. */
final class BlockedThreadWatch implements AutoCloseable {

    private static final String CHECKER = "io.vertx.core.impl.BlockedThreadChecker";

    private final Logger logger = Logger.getLogger(CHECKER);
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    BlockedThreadWatch() {
        logger.addHandler(handler);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
