package io.bulliontracker.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * Failures the HTTP layer answers before any REST resource runs (unknown path, body over the limit,
 * a failed route) get the same envelope as everything else.
 */
@ApplicationScoped
public class HttpErrorRoutes {

    private final ObjectMapper mapper;

    public HttpErrorRoutes(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        // Reached only when no other route answered.
        router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, ErrorResponses.forStatus(404)));
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
