package io.bulliontracker.common;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * OPTIONS is not a method of this API: it answers 405 in the envelope, like any other method a path does
 * not take. JAX-RS would answer every OPTIONS with an empty 200, the one answer of the API that is not
 * JSON. The {@code Allow} header it computed stays, without OPTIONS itself; RESTEasy Reactive computes it
 * per resource class, so it names every method of the class the path belongs to. No CORS is configured:
 * the web client reaches the service through the app's own server and the mobile client is no browser,
 * so nothing sends a preflight; a browser page on another origin gets no CORS headers and cannot call
 * the API.
 */
public class OptionsRequests {

    @ServerResponseFilter
    public void refuse(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || response.getStatus() >= 300) {
            return;
        }
        String allow = response.getHeaderString(HttpHeaders.ALLOW);
        response.setStatus(405);
        response.setEntity(ErrorResponses.forStatus(405).getEntity(), null, MediaType.APPLICATION_JSON_TYPE);
        if (allow != null) {
            response.getHeaders().putSingle(HttpHeaders.ALLOW, Arrays.stream(allow.split(","))
                    .map(String::strip)
                    .filter(method -> !method.equals(HttpMethod.OPTIONS))
                    .sorted()
                    .collect(Collectors.joining(", ")));
        }
    }
}
