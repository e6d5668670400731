package io.bulliontracker.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The service's routes over HTTP, as a client would call them. */
final class ServiceClient {

    static final int DAYS = 30;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient http;
    private final String baseUrl;
    private final Tokens tokens;

    ServiceClient(HttpClient http, String baseUrl, Tokens tokens) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpRequest performanceRequest(String userId) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/coins/performance?days=" + DAYS))
                .header("Authorization", tokens.bearer(userId)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    HttpRequest syncRequest(String userId) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/collection/sync-prices"))
                .header("Authorization", tokens.bearer(userId)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** A GET of any route (the portfolio routes) for a user. */
    HttpRequest getRequest(String pathAndQuery, String userId) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Authorization", tokens.bearer(userId)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    /** The admin refresh of every user's guide prices; it answers when the run is over (up to 5 minutes). */
    HttpRequest refreshRequest() {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/refresh-prices"))
                .header("Authorization", tokens.adminBearer()).timeout(Duration.ofMinutes(6))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** Status and body, whatever the status: a phase decides what a 404 means (a route not merged yet). */
    HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and reads the whole body; anything but 200 is an error, since every timed call must succeed. */
    byte[] call(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + new String(response.body()));
        }
        return response.body();
    }

    List<CoinLine> performance(String userId) {
        JsonNode data = data(call(performanceRequest(userId)));
        List<CoinLine> coins = new ArrayList<>();
        for (JsonNode coin : data.get("coins")) {
            coins.add(CoinLine.fromJson(coin));
        }
        return coins;
    }

    SyncCounts sync(String userId) {
        JsonNode data = data(call(syncRequest(userId)));
        return new SyncCounts(data.get("synced").asInt(), data.get("updated").asInt(), data.get("skipped").asInt());
    }

    static JsonNode data(byte[] body) {
        try {
            JsonNode envelope = JSON.readTree(body);
            if (!envelope.path("success").asBoolean()) {
                throw new IllegalStateException("not a success envelope: " + envelope);
            }
            return envelope.get("data");
        } catch (IOException e) {
            throw new IllegalStateException("unreadable response", e);
        }
    }
}
