package io.bulliontracker.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Writes the contract's envelope {@code {"success":true,"data":[…]}} around a stream of items, a chunk
 * of items per buffer, so a response of any length needs memory for one chunk only. The opening is sent
 * with the first chunk, not before it: a failure before any item (the database is away) still reaches
 * the error mappers as a 503 envelope. A failure after it can only cut the response short.
 */
final class EnvelopeStream {

    /** Items per buffer: one write of some 100 KB instead of a write per item. */
    static final int ITEMS_PER_CHUNK = 100;

    private static final String OPEN = "{\"success\":true,\"data\":[";
    private static final String CLOSE = "]}";
    private static final Logger LOG = Logger.getLogger(EnvelopeStream.class);

    private EnvelopeStream() {
    }

    /** {@code writer} is the service's ObjectMapper's, so each item reads exactly as in every other answer. */
    static <T> Multi<Buffer> of(Multi<T> items, ObjectWriter writer) {
        // Deferred: the "opened" flag belongs to one subscription, one response.
        return Multi.createFrom().deferred(() -> {
            AtomicBoolean opened = new AtomicBoolean();
            return items.group().intoLists().of(ITEMS_PER_CHUNK)
                    .map(chunk -> chunk(chunk, writer, opened.getAndSet(true) ? "," : OPEN))
                    .onCompletion().continueWith(() -> List.of(Buffer.buffer(opened.get() ? CLOSE : OPEN + CLOSE)))
                    .onFailure().invoke(failure -> {
                        if (opened.get()) {
                            LOG.errorf(failure, "Streamed list cut short after its first bytes were sent");
                        }
                    });
        });
    }

    private static <T> Buffer chunk(List<T> items, ObjectWriter writer, String prefix) {
        Buffer buffer = Buffer.buffer(items.size() * 1024).appendString(prefix);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                buffer.appendByte((byte) ',');
            }
            try {
                buffer.appendBytes(writer.writeValueAsBytes(items.get(i)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return buffer;
    }
}
