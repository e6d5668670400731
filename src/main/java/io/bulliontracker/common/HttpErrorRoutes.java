package io.bulliontracker.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failures the HTTP layer answers before any REST resource runs (unknown path, body over the limit,
 * a failed route) get the same envelope as everything else.
 */
@ApplicationScoped
public class HttpErrorRoutes {

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public HttpErrorRoutes(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        // Ahead of Quarkus' own length check, which answers 413 with an empty body.
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDeclaredOversizeBody);
        // Reached only when no other route answered.
        router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, ErrorResponses.forStatus(404)));
    }

    private void refuseDeclaredOversizeBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            // The unread body would otherwise keep the connection busy: answer, then hang up.
            ctx.response().putHeader("Connection", "close");
            ctx.response().endHandler(done -> ctx.request().connection().close());
            write(ctx, ErrorResponses.forStatus(413));
            return;
        }
        ctx.next();
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
