package io.bulliontracker.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The contract's success envelope: {@code {"success": true, "data": ..., "pagination"?: ...}}.
 * quarkus-rest registers it wherever a resource method returns it; the annotation covers the routes
 * that hand it over inside a raw {@code Response} (a 201 with a Location header), which it cannot see.
 */
@RegisterForReflection(targets = {Envelope.class, Envelope.Pagination.class})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope<T>(boolean success, T data, Pagination pagination) {

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(true, data, null);
    }

    public static <T> Envelope<T> paged(T data, Pagination pagination) {
        return new Envelope<>(true, data, pagination);
    }

    public record Pagination(boolean hasMore, String nextCursor, int limit) {
    }
}
