package io.bulliontracker.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The contract's success envelope: {@code {"success": true, "data": ..., "pagination"?: ...}}. */
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
