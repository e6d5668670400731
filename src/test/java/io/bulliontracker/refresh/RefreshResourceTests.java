package io.bulliontracker.refresh;

import static io.bulliontracker.refresh.RefreshFixture.SYNCED;
import static io.bulliontracker.refresh.RefreshFixture.history;
import static io.bulliontracker.refresh.RefreshFixture.historyRows;
import static io.bulliontracker.refresh.RefreshFixture.metric;
import static io.bulliontracker.refresh.RefreshFixture.value;
import static io.bulliontracker.testing.TestData.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.ResponseChecks;
import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.Tokens;
import io.bulliontracker.valuation.LatestPriceQueries;
import io.bulliontracker.valuation.PriceSyncService;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/admin/refresh-prices} with batches of 2 over the three users of {@link RefreshFixture}. */
@QuarkusTest
@TestProfile(RefreshTestProfile.class)
class RefreshResourceTests {

    private static final String ROUTE = "/api/admin/refresh-prices";
    private static final String HISTORY_INSERT = "INSERT INTO item_value_history";

    @Inject
    Scheduler scheduler;

    @BeforeEach
    void emptyDatabase() {
        RefreshFixture.emptyDatabase();
    }

    @AfterEach
    void healTheNetwork() throws Exception {
        PgWireProxy.current().refuseConnections(false);
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline
                && Api.anonymous().get("/q/health/ready").then().extract().statusCode() != 200) {
            Thread.sleep(200);
        }
    }

    private static ValidatableResponse refresh() {
        return Api.asAdmin(TestData.newUser()).post(ROUTE).then();
    }

    private static CompletableFuture<ExtractableResponse<Response>> refreshInBackground() {
        return CompletableFuture.supplyAsync(() -> Api.asAdmin(TestData.newUser()).post(ROUTE).then().extract());
    }

    private static void assertMoney(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), () -> expected + " != " + actual);
    }

    /** refresh-01..06 valued and each with one history row for today, by the fixture's table. */
    private static void assertFixtureSynced(String coin1Value) {
        assertMoney(coin1Value, value("refresh-01"));
        assertMoney(coin1Value, value("refresh-02"));
        assertMoney("75.25", value("refresh-03"));
        assertMoney("75.25", value("refresh-04"));
        assertMoney("40.00", value("refresh-05"));
        assertMoney(coin1Value, value("refresh-06"));
        for (String untouched : List.of("refresh-07", "refresh-08", "refresh-09", "refresh-10", "refresh-11")) {
            assertNull(value(untouched), untouched);
        }
        List<List<Object>> rows = history();
        assertEquals(SYNCED, rows.stream().map(row -> row.get(0)).toList());
        String[] values = {coin1Value, coin1Value, "75.25", "75.25", "40.00", coin1Value};
        String[] sources = {"greysheet", "greysheet", "pcgs", "pcgs", "greysheet", "greysheet"};
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(Date.valueOf(today()), rows.get(i).get(1));
            assertMoney(values[i], rows.get(i).get(2));
            assertEquals("guide_price", rows.get(i).get(3));
            assertEquals(sources[i], rows.get(i).get(4));
        }
    }

    /** The work statements of one full batch, in order. */
    private static List<String> batch() {
        return List.of(RefreshBatches.NEXT_ITEMS, LatestPriceQueries.CURRENT_PRICE_PER_KEY, RefreshBatches.UPDATE_VALUES,
                PriceSyncService.UPSERT_HISTORY);
    }

    @Test
    void refreshSyncsEveryUsersGuidePriceItemsInBatchesOfFourStatementsEach() {
        RefreshFixture.threeUsers();
        double runs = metric("bullion_refresh_runs_total", "trigger=\"admin\"", "outcome=\"completed\"");
        double synced = metric("bullion_refresh_items_total", "result=\"synced\"");
        double updated = metric("bullion_refresh_items_total", "result=\"updated\"");
        double skipped = metric("bullion_refresh_items_total", "result=\"skipped\"");
        double timed = metric("bullion_refresh_duration_seconds_count", "outcome=\"completed\"");
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();

        refresh().statusCode(200)
                .body("success", equalTo(true))
                .body("data.synced", equalTo(6))
                .body("data.updated", equalTo(5))
                .body("data.skipped", equalTo(1))
                .body("data.batches", equalTo(4))
                .body("data.durationMs", greaterThanOrEqualTo(0));

        // 7 items in batches of 2: 2 + 2 + 2 + 1, the short last batch ends the run (no extra look).
        List<String> expected = new ArrayList<>();
        expected.add(RefreshLock.TRY_LOCK);
        for (int i = 0; i < 4; i++) {
            expected.add("BEGIN");
            expected.addAll(batch());
            expected.add("COMMIT");
        }
        expected.add(RefreshLock.UNLOCK);
        assertEquals(expected, proxy.allStatements());
        assertFixtureSynced("110.50");

        assertEquals(runs + 1, metric("bullion_refresh_runs_total", "trigger=\"admin\"", "outcome=\"completed\""));
        assertEquals(synced + 6, metric("bullion_refresh_items_total", "result=\"synced\""));
        assertEquals(updated + 5, metric("bullion_refresh_items_total", "result=\"updated\""));
        assertEquals(skipped + 1, metric("bullion_refresh_items_total", "result=\"skipped\""));
        assertEquals(timed + 1, metric("bullion_refresh_duration_seconds_count", "outcome=\"completed\""));
    }

    @Test
    void aFullLastBatchCostsOneMoreItemQueryAndAnEmptyDatabaseOnlyThat() {
        RefreshFixture.threeUsers();
        TestData.update("DELETE FROM collection_items WHERE id = 'refresh-07'");
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();

        refresh().statusCode(200).body("data.synced", equalTo(6)).body("data.updated", equalTo(5))
                .body("data.skipped", equalTo(0)).body("data.batches", equalTo(3));

        List<String> work = new ArrayList<>();
        work.add(RefreshLock.TRY_LOCK);
        for (int i = 0; i < 3; i++) {
            work.addAll(batch());
        }
        work.add(RefreshBatches.NEXT_ITEMS);
        work.add(RefreshLock.UNLOCK);
        assertEquals(work, proxy.statements());

        RefreshFixture.emptyDatabase();
        proxy.resetStatements();
        refresh().statusCode(200).body("data.synced", equalTo(0)).body("data.updated", equalTo(0))
                .body("data.skipped", equalTo(0)).body("data.batches", equalTo(0));
        assertEquals(List.of(RefreshLock.TRY_LOCK, RefreshBatches.NEXT_ITEMS, RefreshLock.UNLOCK), proxy.statements());
    }

    @Test
    void aSecondRefreshTheSameDayRewritesOnlyWhatChangedAndKeepsOneHistoryRowPerItem() {
        RefreshFixture.threeUsers();
        refresh().statusCode(200).body("data.updated", equalTo(5));
        TestData.price(RefreshFixture.coin1, "MS65", today(), "125.00", "115.00");

        refresh().statusCode(200)
                .body("data.synced", equalTo(6))
                .body("data.updated", equalTo(3))
                .body("data.skipped", equalTo(1))
                .body("data.batches", equalTo(4));

        assertFixtureSynced("115.00");
        assertEquals(6, historyRows());
    }

    @Test
    void withoutATokenIs401AndForANonAdminIs403AndNothingIsWritten() {
        RefreshFixture.threeUsers();
        for (String bearer : new String[] {null, Tokens.expired("u"), Tokens.tampered("u"), Tokens.unsigned("u")}) {
            var request = bearer == null ? Api.anonymous() : Api.as(bearer);
            String body = request.post(ROUTE).then().statusCode(401).body("success", equalTo(false))
                    .body("error", equalTo("Authentication required: a valid bearer token is missing"))
                    .extract().asString();
            ResponseChecks.assertLeaksNothing(body);
        }
        Api.asUser(TestData.newUser()).post(ROUTE).then().statusCode(403)
                .body("success", equalTo(false)).body("error", equalTo("Not allowed for this user"));

        assertEquals(0, historyRows());
        assertNull(value("refresh-01"));
    }

    @Test
    void aRunInProgressAnswersOthers409AndItsOwnCaller202WithTheProgressThenFinishes() throws Exception {
        RefreshFixture.threeUsers();
        double completed = metric("bullion_refresh_runs_total", "trigger=\"admin\"", "outcome=\"completed\"");
        double busy = metric("bullion_refresh_runs_total", "trigger=\"admin\"", "outcome=\"busy\"");
        // Batch 2 (refresh-03, refresh-04) spends 5 s in its history upsert: longer than the 3 s wait.
        try (AutoCloseable slow = TestData.historyInsertTrigger("refresh-03", "PERFORM pg_sleep(5);")) {
            long started = System.nanoTime();
            CompletableFuture<ExtractableResponse<Response>> first = refreshInBackground();
            RefreshFixture.awaitActiveStatement(HISTORY_INSERT);

            String body = refresh().statusCode(409)
                    .body("success", equalTo(false))
                    .body("error", equalTo("A price refresh is already running on this replica"))
                    .extract().asString();
            ResponseChecks.assertLeaksNothing(body);

            ExtractableResponse<Response> accepted = first.get(10, TimeUnit.SECONDS);
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(202, accepted.statusCode(), accepted.asString());
            assertTrue(waitedMs >= 3000, "answered after " + waitedMs + " ms");
            // Answered while batch 2 still sleeps: the request did not wait for the run's end.
            assertEquals(2, historyRows());
            // Batch 1 (refresh-01 updated, refresh-02 already right) is all that has committed.
            assertEquals(true, accepted.path("success"));
            assertEquals(2, (Integer) accepted.path("data.synced"));
            assertEquals(1, (Integer) accepted.path("data.updated"));
            assertEquals(0, (Integer) accepted.path("data.skipped"));
            assertEquals(1, (Integer) accepted.path("data.batches"));
            assertTrue(((Integer) accepted.path("data.durationMs")) >= 3000, accepted.asString());

            // Nobody waits any more, yet the run goes on to the end.
            awaitMetric(completed + 1, "bullion_refresh_runs_total", "trigger=\"admin\"", "outcome=\"completed\"");
        }
        assertEquals(busy + 1, metric("bullion_refresh_runs_total", "trigger=\"admin\"", "outcome=\"busy\""));
        assertFixtureSynced("110.50");

        refresh().statusCode(200).body("data.synced", equalTo(6)).body("data.updated", equalTo(0))
                .body("data.skipped", equalTo(1)).body("data.batches", equalTo(4));
    }

    @Test
    void aRunHeldByAnotherReplicaIs409WithoutTouchingAnItem() throws Exception {
        RefreshFixture.threeUsers();
        PgWireProxy proxy = PgWireProxy.current();
        try (Connection otherReplica = TestData.connect();
                PreparedStatement lock = otherReplica.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, RefreshLock.KEY);
            lock.execute();
            proxy.resetStatements();

            refresh().statusCode(409).body("success", equalTo(false))
                    .body("error", equalTo("A price refresh is already running on another replica"));

            assertEquals(List.of(RefreshLock.TRY_LOCK), proxy.allStatements());
            assertEquals(0, historyRows());
        }
        // That session ended, and its lock with it.
        refresh().statusCode(200).body("data.synced", equalTo(6)).body("data.updated", equalTo(5));
    }

    @Test
    void aRunCutShortKeepsItsCommittedBatchesAndTheNextRunCompletesTheRest() throws Exception {
        RefreshFixture.threeUsers();
        double failed = metric("bullion_refresh_runs_total", "trigger=\"admin\"", "outcome=\"failed\"");
        // Batch 3 (refresh-05, refresh-06) is writing when every connection to the database is cut.
        try (AutoCloseable slow = TestData.historyInsertTrigger("refresh-05", "PERFORM pg_sleep(2);")) {
            CompletableFuture<ExtractableResponse<Response>> run = refreshInBackground();
            RefreshFixture.awaitActiveStatement(HISTORY_INSERT);
            PgWireProxy.current().cutConnections();

            ExtractableResponse<Response> response = run.get(10, TimeUnit.SECONDS);
            assertEquals(503, response.statusCode(), response.asString());
            assertEquals("5", response.header("Retry-After"));
            ResponseChecks.assertLeaksNothing(response.asString());
            // The server-side session notices the cut once its sleep ends, and rolls batch 3 back.
            RefreshFixture.awaitNoActiveStatement(HISTORY_INSERT);
        }
        assertEquals(failed + 1, metric("bullion_refresh_runs_total", "trigger=\"admin\"", "outcome=\"failed\""));
        assertBatchesOneAndTwoOnly();

        refresh().statusCode(200)
                .body("data.synced", equalTo(6))
                .body("data.updated", equalTo(2))
                .body("data.skipped", equalTo(1))
                .body("data.batches", equalTo(4));
        assertFixtureSynced("110.50");
    }

    @Test
    void aRunThatLosesItsLockSessionStopsBeforeItsNextBatch() throws Exception {
        RefreshFixture.threeUsers();
        try (AutoCloseable slow = TestData.historyInsertTrigger("refresh-03", "PERFORM pg_sleep(2);")) {
            CompletableFuture<ExtractableResponse<Response>> run = refreshInBackground();
            RefreshFixture.awaitActiveStatement(HISTORY_INSERT);
            // As if an operator (or a failover) ended the session that holds the lock: another replica
            // could take it now, so this run must not start another batch.
            assertEquals(1, TestData.count("SELECT count(pg_terminate_backend(pid)) FROM pg_locks "
                    + "WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));

            ExtractableResponse<Response> response = run.get(10, TimeUnit.SECONDS);
            assertEquals(503, response.statusCode(), response.asString());
            assertEquals("5", response.header("Retry-After"));
        }
        // Batch 2 was already writing: it committed; batch 3 never started.
        assertBatchesOneAndTwoOnly();

        refresh().statusCode(200).body("data.synced", equalTo(6)).body("data.updated", equalTo(2))
                .body("data.batches", equalTo(4));
        assertFixtureSynced("110.50");
    }

    @Test
    void databaseGoneAnswers503FastAndTheNextRunStarts() {
        RefreshFixture.threeUsers();
        // Token checks warmed up first, so that the bound below measures the database path only.
        Api.asUser(TestData.newUser()).post(ROUTE).then().statusCode(403);
        PgWireProxy.current().refuseConnections(true);
        long started = System.nanoTime();
        refresh().statusCode(503).header("Retry-After", "5").body("success", equalTo(false));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 3000);

        PgWireProxy.current().refuseConnections(false);
        refresh().statusCode(200).body("data.synced", equalTo(6)).body("data.updated", equalTo(5));
    }

    @Test
    void theDisabledScheduleFiresEverySecondAndStartsNothing() throws Exception {
        RefreshFixture.threeUsers();
        Instant next = scheduler.getScheduledJob(RefreshSchedule.IDENTITY).getNextFireTime();
        assertTrue(Duration.between(Instant.now(), next).toMillis() <= 1000, "next fire time " + next);

        Thread.sleep(2500);

        assertEquals(0, metric("bullion_refresh_runs_total", "trigger=\"schedule\""));
        assertEquals(0, historyRows());
        assertNull(value("refresh-01"));
    }

    private static void assertBatchesOneAndTwoOnly() {
        assertEquals(List.of("refresh-01", "refresh-02", "refresh-03", "refresh-04"),
                history().stream().map(row -> row.get(0)).toList());
        assertMoney("110.50", value("refresh-01"));
        assertMoney("110.50", value("refresh-02"));
        assertMoney("75.25", value("refresh-03"));
        assertMoney("75.25", value("refresh-04"));
        assertNull(value("refresh-05"));
        assertNull(value("refresh-06"));
    }

    private static void awaitMetric(double expected, String name, String... labels) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && metric(name, labels) < expected) {
            Thread.sleep(100);
        }
        assertEquals(expected, metric(name, labels), name);
    }
}
