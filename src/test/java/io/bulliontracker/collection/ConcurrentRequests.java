package io.bulliontracker.collection;

import io.bulliontracker.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Requests sent at the same moment (one HTTP/1.1 connection each), for the tests of concurrent writes. */
final class ConcurrentRequests {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<HttpRequest> requests = new ArrayList<>();
    private final URI base;
    private final String bearer;

    ConcurrentRequests(URI base, String userId) {
        this.base = base;
        this.bearer = Tokens.user(userId);
    }

    ConcurrentRequests add(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        requests.add(request.build());
        return this;
    }

    /** Sends all at once; the answers in the order the requests were added. */
    List<HttpResponse<String>> send() {
        List<CompletableFuture<HttpResponse<String>>> sent = requests.stream()
                .map(request -> CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
