package io.bulliontracker.spot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.spot.FetchOutcome.Status;
import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scheduled provider fetch against a local stub of the provider. Time limits are shortened for the
 * test (a 1 s time-out per attempt, 20 ms back-off), nothing else: the production schedule, retry count
 * and circuit breaker are what run here.
 */
@QuarkusTest
@TestProfile(SpotPriceFetchTests.WithProvider.class)
class SpotPriceFetchTests {

    public static class WithProvider implements QuarkusTestProfile {

        private static final String METHOD = "quarkus.fault-tolerance.\"io.bulliontracker.spot.MetalPriceProvider/latestRates\"";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(METHOD + ".timeout.value", "1000", METHOD + ".timeout.unit", "millis",
                    METHOD + ".retry.delay", "20", METHOD + ".retry.delay-unit", "millis",
                    METHOD + ".retry.jitter", "0");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProviderStub.class));
        }
    }

    /** What the first scheduled run (at start-up, against the stub's normal rates) stored. */
    private static Map<String, BigDecimal> storedAtStartup;

    @Inject
    SpotPriceFetcher fetcher;

    @Inject
    Scheduler scheduler;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void quietStart() throws InterruptedException {
        if (storedAtStartup == null) {
            waitUntil(Duration.ofSeconds(20), () -> TestData.count(
                    "SELECT count(*) FROM spot_prices WHERE source = 'metalpriceapi'") == 4);
            storedAtStartup = prices();
        }
        // The start-up run may still be releasing its lock.
        waitForTheLockToBeFree();
        SpotRows.clear();
        ProviderStub.reset();
        breakers.resetAll();
    }

    /** A bigint advisory key shows in pg_locks as its high and low 32 bits. */
    private static void waitForTheLockToBeFree() throws InterruptedException {
        waitUntil(Duration.ofSeconds(5), () -> TestData.count(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = ?::oid AND objid = ?::oid",
                SpotPriceFetcher.LOCK_KEY >>> 32, SpotPriceFetcher.LOCK_KEY & 0xffff_ffffL) == 0);
    }

    private static void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within " + limit);
            Thread.sleep(50);
        }
    }

    private static Map<String, BigDecimal> prices() {
        Map<String, BigDecimal> prices = new HashMap<>();
        for (List<Object> row : TestData.rows("SELECT metal, price_per_oz FROM spot_prices")) {
            prices.put((String) row.get(0), (BigDecimal) row.get(1));
        }
        return prices;
    }

    private FetchOutcome fetch() {
        return fetcher.fetch().await().atMost(Duration.ofSeconds(20));
    }

    private static void assertPrices(Map<String, String> expected) {
        Map<String, BigDecimal> stored = prices();
        assertEquals(expected.keySet(), stored.keySet());
        expected.forEach((metal, price) -> assertEquals(0, new BigDecimal(price).compareTo(stored.get(metal)),
                () -> metal + ": " + stored.get(metal)));
    }

    private static void assertStillReady() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Api.anonymous().get("/api/prices").then().statusCode(200);
    }

    @Test
    void theHourlyScheduleRanAtStartUp() {
        assertEquals(Map.of("gold", new BigDecimal("2624.67"), "silver", new BigDecimal("30.96"),
                "platinum", new BigDecimal("952.38"), "palladium", new BigDecimal("1020.41")), storedAtStartup);
        Trigger job = scheduler.getScheduledJob("spot-price-fetch");
        Instant previous = job.getPreviousFireTime();
        assertTrue(previous != null, "the job has not fired");
        assertEquals(Duration.ofHours(1), Duration.between(previous, job.getNextFireTime()));
    }

    @Test
    void normalRatesStoreOnePricePerMetalAtOneOverTheRate() {
        FetchOutcome outcome = fetch();

        assertEquals(Status.FETCHED, outcome.status());
        assertEquals(Set.of("gold", "silver", "platinum", "palladium"), Set.copyOf(outcome.stored()));
        // 1 / 0.000381 = 2624.6719…; 1 / 0.0323 = 30.9597…; 1 / 0.00105 = 952.3809…; 1 / 0.00098 = 1020.4081…
        assertPrices(Map.of("gold", "2624.67", "silver", "30.96", "platinum", "952.38", "palladium", "1020.41"));
        assertEquals(List.of("api_key=test-key&base=USD&currencies=XAU,XAG,XPT,XPD"), ProviderStub.queries());
        Api.anonymous().get("/api/prices").then().statusCode(200)
                .body("data.gold.pricePerOz", comparesEqualTo(new BigDecimal("2624.67")))
                .body("data.palladium.pricePerOz", comparesEqualTo(new BigDecimal("1020.41")));

        // Every metal is now fresh: the next run does not call the provider at all.
        assertEquals(Status.ALL_FRESH, fetch().status());
        assertEquals(1, ProviderStub.queries().size());
        assertEquals(4, SpotRows.count());
    }

    @Test
    void aMetalWithARowInTheLast30MinutesIsSkipped() {
        Instant now = SpotRows.now();
        SpotRows.add("gold", now.minus(Duration.ofMinutes(10)), "2500.00");
        SpotRows.add("silver", now.minus(Duration.ofMinutes(40)), "29.00");

        FetchOutcome outcome = fetch();

        assertEquals(List.of("api_key=test-key&base=USD&currencies=XAG,XPT,XPD"), ProviderStub.queries());
        assertEquals(Set.of("silver", "platinum", "palladium"), Set.copyOf(outcome.stored()));
        assertEquals(1, SpotRows.count("gold"));
        assertEquals(2, SpotRows.count("silver"));
        assertEquals(0, new BigDecimal("2500.00").compareTo(
                TestData.decimal("SELECT price_per_oz FROM spot_prices WHERE metal = 'gold'")));
    }

    @Test
    void aRateOfZeroOrNoNumberStoresOnlyTheRealPrices() {
        ProviderStub.answer(200, """
                {"success": true, "rates": {"XAU": 0, "XAG": "abc", "XPT": 1e-300, "XPD": 0.00098}}""");

        FetchOutcome outcome = fetch();

        assertEquals(Status.FETCHED, outcome.status());
        assertEquals(List.of("palladium"), outcome.stored());
        assertEquals("rate 0 is not positive", outcome.refused().get("gold"));
        assertEquals("no numeric rate", outcome.refused().get("silver"));
        assertTrue(outcome.refused().get("platinum").contains("out of range"), outcome.refused().toString());
        assertPrices(Map.of("palladium", "1020.41"));
        assertStillReady();
    }

    @Test
    void aProviderErrorStoresNothingAfterTheRetries() {
        ProviderStub.answer(500, "{\"success\": false}");

        FetchOutcome outcome = fetch();

        assertEquals(Status.PROVIDER_FAILED, outcome.status());
        // The first attempt and two retries.
        assertEquals(3, ProviderStub.queries().size());
        assertEquals(0, SpotRows.count());
        assertStillReady();
    }

    @Test
    void aProviderThatDoesNotAnswerTimesOutWithoutStallingTheService() {
        ProviderStub.delay(6_000);
        long started = System.nanoTime();
        var running = fetcher.fetch().subscribeAsCompletionStage();

        // While the fetch waits on the provider, the service answers at once.
        long requestStarted = System.nanoTime();
        given().get("/q/health/live").then().statusCode(200);
        Api.anonymous().get("/api/prices").then().statusCode(200);
        long requestMillis = (System.nanoTime() - requestStarted) / 1_000_000;
        assertTrue(requestMillis < 1_000, "requests took " + requestMillis + " ms during the fetch");

        FetchOutcome outcome = Uni.createFrom().completionStage(running).await().atMost(Duration.ofSeconds(20));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(Status.PROVIDER_FAILED, outcome.status());
        assertTrue(outcome.detail().contains("Timeout"), outcome.detail());
        // Three attempts of 1 s each and two short back-offs, well before the provider's 6 s.
        assertTrue(elapsedMillis < 4_500, "took " + elapsedMillis + " ms");
        assertEquals(3, ProviderStub.queries().size());
        assertEquals(0, SpotRows.count());
        assertStillReady();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"success\": true, \"rates\": {\"XAU\": 0.0004", "not json at all", "[]",
            "{\"success\": false, \"error\": {\"statusCode\": 101, \"info\": \"Invalid API key\"}}",
            "{\"success\": true, \"rates\": [0.000381]}", "{\"rates\": {\"XAU\": 0.000381}}"})
    void garbageStoresNothing(String body) {
        ProviderStub.answer(200, body);

        FetchOutcome outcome = fetch();

        assertEquals(Status.PROVIDER_FAILED, outcome.status(), outcome::toString);
        assertEquals(0, SpotRows.count());
        assertStillReady();
    }

    @Test
    void anHtmlPageStoresNothing() {
        ProviderStub.answerHtml("<html><body>Bad gateway</body></html>");

        assertEquals(Status.PROVIDER_FAILED, fetch().status());
        assertEquals(0, SpotRows.count());
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndTheProviderIsLeftAlone() {
        ProviderStub.answer(503, "{}");

        assertEquals(Status.PROVIDER_FAILED, fetch().status());
        assertEquals(3, ProviderStub.queries().size());
        // The fourth failed call in the breaker's window of four opens it; the retries then fail fast.
        assertEquals(Status.PROVIDER_FAILED, fetch().status());
        assertEquals(4, ProviderStub.queries().size());
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(MetalPriceProvider.BREAKER));

        ProviderStub.reset();
        FetchOutcome whileOpen = fetch();
        assertEquals(Status.PROVIDER_FAILED, whileOpen.status());
        assertTrue(whileOpen.detail().contains("CircuitBreakerOpen"), whileOpen.detail());
        assertEquals(0, ProviderStub.queries().size());
        assertEquals(0, SpotRows.count());
        assertStillReady();
    }

    @Test
    void aRunIsSkippedWhileAnotherReplicaHoldsTheLock() throws Exception {
        try (Connection otherReplica = TestData.connect(); Statement sql = otherReplica.createStatement()) {
            sql.execute("SELECT pg_advisory_lock(" + SpotPriceFetcher.LOCK_KEY + ")");

            assertEquals(Status.RUNNING_ELSEWHERE, fetch().status());
            assertEquals(0, ProviderStub.queries().size());
            assertEquals(0, SpotRows.count());
        }
        // The other replica's connection is gone, and once its server process has ended, its lock with it.
        waitForTheLockToBeFree();
        assertEquals(Status.FETCHED, fetch().status());
        assertEquals(4, SpotRows.count());
    }

    @Test
    void twoRunsAtOnceCallTheProviderOnce() {
        ProviderStub.delay(250);
        var first = fetcher.fetch().subscribeAsCompletionStage();
        var second = fetcher.fetch().subscribeAsCompletionStage();

        Set<Status> outcomes = List.of(first, second).stream()
                .map(run -> Uni.createFrom().completionStage(run).await().atMost(Duration.ofSeconds(20)).status())
                .collect(Collectors.toSet());

        assertEquals(Set.of(Status.FETCHED, Status.RUNNING_ELSEWHERE), outcomes);
        assertEquals(1, ProviderStub.queries().size());
        assertEquals(4, SpotRows.count());
    }
}
