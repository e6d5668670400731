package io.bulliontracker.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The provider's {@code latest} endpoint in metalpriceapi's form. The answer is read as a tree, not a
 * typed record, so that one odd rate (a string, a null) costs that metal only, not the whole fetch.
 */
@Path("/latest")
public interface MetalPriceApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> latest(@RestQuery("api_key") String apiKey, @RestQuery String base, @RestQuery String currencies);
}
