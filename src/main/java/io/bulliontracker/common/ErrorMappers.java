package io.bulliontracker.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Registers {@link ErrorResponses} for each failure type the framework would otherwise render
 * itself (more specific mappers win over a Throwable one, so each type is named).
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return ErrorResponses.from(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        return ErrorResponses.from(e);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class})
    public Response json(Exception e) {
        return ErrorResponses.from(e);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        return ErrorResponses.from(e);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class, ForbiddenException.class})
    public Response security(RuntimeException e) {
        return ErrorResponses.from(e);
    }

    @ServerExceptionMapper
    public Response any(Throwable e) {
        return ErrorResponses.from(e);
    }
}
