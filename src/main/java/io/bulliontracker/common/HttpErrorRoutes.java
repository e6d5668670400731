package io.bulliontracker.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import io.quarkus.runtime.configuration.MemorySize;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failures the HTTP layer answers before any REST resource runs (unknown path, body over the limit,
 * a failed route) get the same envelope as everything else. So do the requests refused at the door,
 * before authentication or any body is read: a URL over 16 KiB (414), headers over 20 KiB in all
 * (431), a declared body over the limit (413), a body without a Content-Type (415).
 *
 * <p>The HTTP decoder and Quarkus refuse some requests before any route, and so before any code of
 * ours, with the bare status: a request line or headers beyond the decoder's limits (414, 431) and a
 * URI that does not parse, such as a malformed %-escape (400). Neither offers a hook to shape those
 * answers, so the decoder's limits are set well above ours (application.properties): every URL or
 * header block a client could mean meets our limits first, and only requests past 64 KiB, or with a
 * broken %-escape, get a bare status without a body.
 */
@ApplicationScoped
public class HttpErrorRoutes {

    /** Characters of the request target, path and query together. */
    static final int MAX_URL_LENGTH = 16 * 1024;
    /** Bytes of all header lines together, counted as sent: name, ": ", value, CRLF. */
    static final int MAX_HEADER_BYTES = 20 * 1024;

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public HttpErrorRoutes(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        // After Quarkus' response headers (order MIN_VALUE), so that refusals carry them too; ahead of its
        // own length check (order -2), which answers 413 with an empty body.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::screen);
        // Reached only when no other route answered.
        router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, ErrorResponses.forStatus(404)));
    }

    private void screen(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > MAX_URL_LENGTH) {
            write(ctx, ErrorResponses.forStatus(414));
            return;
        }
        if (headerBytes(request) > MAX_HEADER_BYTES) {
            write(ctx, ErrorResponses.forStatus(431));
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            // The unread body would otherwise keep the connection busy: answer, then hang up.
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.response().endHandler(done -> request.connection().close());
            write(ctx, ErrorResponses.forStatus(413));
            return;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (WITH_BODY.contains(request.method()) && (type == null || type.isBlank()) && hasBody(request, length)) {
            // JAX-RS would read it as whatever the route consumes; a client that did not say JSON did not mean it.
            write(ctx, ErrorResponses.forStatus(415));
            return;
        }
        ctx.next();
    }

    private static boolean hasBody(HttpServerRequest request, String length) {
        if (length != null) {
            return !length.matches("0+");
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        Response response = ctx.failure() != null && ctx.statusCode() < 0
                ? ErrorResponses.from(ctx.failure())
                : ErrorResponses.forStatus(ctx.statusCode() < 0 ? 500 : ctx.statusCode());
        write(ctx, response);
    }

    private void write(RoutingContext ctx, Response response) {
        try {
            response.getHeaders().forEach((name, values) -> values.forEach(v -> ctx.response().putHeader(name, String.valueOf(v))));
            ctx.response().setStatusCode(response.getStatus())
                    .putHeader("Content-Type", "application/json")
                    .end(mapper.writeValueAsString(response.getEntity()));
        } catch (Exception e) {
            ctx.response().setStatusCode(500).end("{\"success\":false,\"error\":\"Internal server error\"}");
        }
    }
}
