package io.bulliontracker.spot;

import io.bulliontracker.health.SchemaMigration;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The scheduled spot-price fetch. Among replicas exactly one runs each fetch: the run holds a PostgreSQL
 * session advisory lock on its own pooled connection from start to end, and a replica that cannot take
 * it skips the run. If the replica dies mid-run, its connection closes and the lock goes with it.
 */
@ApplicationScoped
public class SpotPriceFetcher {

    private static final Logger LOG = Logger.getLogger(SpotPriceFetcher.class);

    /** The advisory-lock key of this job (any bigint no other job of this database uses). */
    static final long LOCK_KEY = 0x5350_4f54_4645_5443L;
    static final String SOURCE = "metalpriceapi";

    private static final Duration NOT_READY_FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration NOT_READY_MAX_WAIT = Duration.ofSeconds(30);

    /** Rates outside these give prices outside 0.01 .. 9,999,999,999.99 (checked exactly after dividing). */
    private static final BigDecimal MIN_RATE = new BigDecimal("1e-10");
    private static final BigDecimal MAX_RATE = new BigDecimal("200");

    static final String TRY_LOCK = "SELECT pg_try_advisory_lock($1)";
    static final String UNLOCK = "SELECT pg_advisory_unlock($1)";

    /** $1: metals; $2: the start of the freshness window. */
    static final String FRESH_METALS = """
            SELECT m.metal FROM unnest($1::text[]) AS m(metal)
            WHERE EXISTS (SELECT 1 FROM spot_prices s WHERE s.metal = m.metal AND s.observed_at > $2)
            """;

    /** Re-checks freshness in the same statement, in case an import landed while the provider answered. */
    static final String STORE = """
            INSERT INTO spot_prices (metal, observed_at, price_per_oz, source)
            SELECT r.metal, $3, r.price, $4
            FROM unnest($1::text[], $2::text[]::numeric[]) AS r(metal, price)
            WHERE NOT EXISTS (SELECT 1 FROM spot_prices s WHERE s.metal = r.metal AND s.observed_at > $5)
            ON CONFLICT (metal, observed_at) DO NOTHING
            RETURNING metal
            """;

    private final Pool pool;
    private final MetalPriceProvider provider;
    private final SpotConfig config;
    private final SchemaMigration schema;
    private final Clock clock;

    public SpotPriceFetcher(Pool pool, MetalPriceProvider provider, SpotConfig config, SchemaMigration schema,
            Clock clock) {
        this.pool = pool;
        this.provider = provider;
        this.config = config;
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * Non-blocking: runs on the event loop, so a slow provider never holds a worker thread. The first run
     * comes at start-up, usually before the schema is migrated (or while the database is still away): it
     * waits for the migration rather than leave the service without prices until the next hour.
     */
    @Scheduled(identity = "spot-price-fetch", every = "${bullion.spot.fetch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Uni.createFrom().deferred(this::fetch)
                .invoke(outcome -> {
                    if (outcome.status() == FetchOutcome.Status.NOT_READY) {
                        throw new SchemaNotReady();
                    }
                })
                .onFailure(SchemaNotReady.class).retry().withBackOff(NOT_READY_FIRST_WAIT, NOT_READY_MAX_WAIT)
                .indefinitely()
                .invoke(outcome -> {
                    if (outcome.status() == FetchOutcome.Status.PROVIDER_FAILED) {
                        LOG.warnf("Spot-price fetch stored nothing: %s", outcome.detail());
                    } else if (outcome.status() != FetchOutcome.Status.OFF) {
                        LOG.infof("Spot-price fetch: %s stored=%s refused=%s", outcome.status(), outcome.stored(),
                                outcome.refused());
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Spot-price fetch failed: %s", String.valueOf(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One run: lock, find the stale metals, ask the provider for those, store the real prices, unlock. */
    public Uni<FetchOutcome> fetch() {
        if (config.apiKey().isEmpty()) {
            return Uni.createFrom().item(FetchOutcome.of(FetchOutcome.Status.OFF, "no provider key configured"));
        }
        if (!schema.isMigrated()) {
            return Uni.createFrom().item(FetchOutcome.of(FetchOutcome.Status.NOT_READY, "schema not migrated yet"));
        }
        return pool.withConnection(conn -> conn.preparedQuery(TRY_LOCK).execute(Tuple.of(LOCK_KEY))
                .flatMap(rows -> {
                    if (!rows.iterator().next().getBoolean(0)) {
                        return Uni.createFrom().item(FetchOutcome.of(FetchOutcome.Status.RUNNING_ELSEWHERE,
                                "another replica holds the fetch lock"));
                    }
                    return fetchLocked(conn).eventually(() -> unlock(conn));
                }));
    }

    /** A failed unlock means the connection broke, which released the lock anyway. */
    private static Uni<Void> unlock(SqlConnection conn) {
        return conn.preparedQuery(UNLOCK).execute(Tuple.of(LOCK_KEY)).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private Uni<FetchOutcome> fetchLocked(SqlConnection conn) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime freshSince = now.minus(config.freshFor());
        return conn.preparedQuery(FRESH_METALS)
                .execute(Tuple.tuple().addArrayOfString(SpotMetal.NAMES.toArray(String[]::new))
                        .addOffsetDateTime(freshSince))
                .flatMap(rows -> {
                    Set<SpotMetal> stale = EnumSet.allOf(SpotMetal.class);
                    rows.forEach(row -> SpotMetal.named(row.getString(0)).ifPresent(stale::remove));
                    if (stale.isEmpty()) {
                        return Uni.createFrom().item(FetchOutcome.of(FetchOutcome.Status.ALL_FRESH,
                                "every metal has a row since " + freshSince));
                    }
                    // A provider failure is an outcome (nothing stored); a database failure stays a failure.
                    return provider.latestRates(stale).onItemOrFailure().transformToUni((rates, failure) -> failure == null
                            ? store(conn, rates, now, freshSince)
                            : Uni.createFrom().item(FetchOutcome.of(FetchOutcome.Status.PROVIDER_FAILED,
                                    String.valueOf(failure))));
                });
    }

    private Uni<FetchOutcome> store(SqlConnection conn, Map<SpotMetal, BigDecimal> rates, OffsetDateTime now,
            OffsetDateTime freshSince) {
        List<String> metals = new ArrayList<>();
        List<String> prices = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        rates.forEach((metal, rate) -> {
            String problem = rateProblem(rate);
            if (problem == null) {
                metals.add(metal.label());
                prices.add(pricePerOunce(rate).toPlainString());
            } else {
                refused.put(metal.label(), problem);
            }
        });
        if (metals.isEmpty()) {
            return Uni.createFrom().item(new FetchOutcome(FetchOutcome.Status.FETCHED, List.of(), refused,
                    "no usable rate"));
        }
        return conn.preparedQuery(STORE)
                .execute(Tuple.tuple().addArrayOfString(metals.toArray(String[]::new))
                        .addArrayOfString(prices.toArray(String[]::new)).addOffsetDateTime(now).addString(SOURCE)
                        .addOffsetDateTime(freshSince))
                .map(rows -> {
                    List<String> stored = new ArrayList<>();
                    rows.forEach(row -> stored.add(row.getString(0)));
                    return new FetchOutcome(FetchOutcome.Status.FETCHED, stored, refused, null);
                });
    }

    /** Rates are metal per dollar, so the price is 1 / rate; a rate that gives no real price is refused. */
    static String rateProblem(BigDecimal rate) {
        if (rate == null) {
            return "no numeric rate";
        }
        if (rate.signum() <= 0) {
            return "rate " + rate + " is not positive";
        }
        // Bounded before dividing: the reciprocal of a rate such as 1e-999999999 would not fit in memory.
        if (rate.compareTo(MIN_RATE) < 0 || rate.compareTo(MAX_RATE) > 0) {
            return "rate " + rate + " gives a price out of range";
        }
        BigDecimal price = pricePerOunce(rate);
        if (price.compareTo(SpotPriceImport.MIN_PRICE) < 0 || price.compareTo(SpotPriceImport.MAX_PRICE) > 0) {
            return "rate " + rate + " gives a price out of range";
        }
        return null;
    }

    static BigDecimal pricePerOunce(BigDecimal rate) {
        return BigDecimal.ONE.divide(rate, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
    }

    /** The scheduled run's signal to wait and try again once the schema is migrated. */
    private static final class SchemaNotReady extends RuntimeException {
        SchemaNotReady() {
            super("schema not migrated yet", null, false, false);
        }
    }
}
