package io.bulliontracker.catalog;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Every PCGS number a write accepts (1..2,147,483,647) is found by every read route; numbers over 9
 * digits used to be stored but answer 404. Beyond the range: 404 for the path, 400 for a parameter.
 */
@QuarkusTest
class PcgsNumberRangeTests {

    private static final int LARGEST = Integer.MAX_VALUE;

    @Test
    void theLargestPcgsNumberIsWrittenAndReadEverywhere() {
        String id = Api.asAdmin("range-admin").contentType("application/json")
                .body("[{\"pcgsNumber\": 2147483647, \"year\": 1907, \"denomination\": \"$20\", \"series\": \"Saint-Gaudens\", "
                        + "\"fullName\": \"1907 High Relief Double Eagle\", \"weightOz\": 1.075, \"fineness\": 0.9}]")
                .post("/api/coins").then().statusCode(200)
                .body("data.coins[0].pcgsNumber", equalTo(LARGEST))
                .extract().path("data.coins[0].id");
        String yesterday = TestData.daysAgo(1).toString();
        String lastWeek = TestData.daysAgo(7).toString();
        Api.asAdmin("range-admin").contentType("application/json")
                .body("[{\"pcgsNumber\": 2147483647, \"gradeCode\": \"MS65\", \"priceDate\": \"" + lastWeek
                        + "\", \"pcgsPrice\": 79500.00}]")
                .post("/api/coins/price-guide").then().statusCode(200).body("data.upserted", equalTo(1));
        Api.asAdmin("range-admin").contentType("text/csv")
                .body(PriceGuideCsv.HEADER + "\n2147483647,MS65," + yesterday + ",,81000.50\n")
                .post("/api/coins/price-guide").then().statusCode(200).body("data.upserted", equalTo(1));

        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();
        Api.asUser("u").get("/api/coins/2147483647").then().statusCode(200)
                .body("data.id", equalTo(id))
                .body("data.pcgsNumber", equalTo(LARGEST))
                .body("data.fullName", equalTo("1907 High Relief Double Eagle"))
                .body("data.weightOz", comparesEqualTo(new BigDecimal("1.075")))
                .body("data.prices", hasSize(1))
                .body("data.prices[0].gradeCode", equalTo("MS65"))
                .body("data.prices[0].pcgsPrice", equalTo(null))
                .body("data.prices[0].greysheetPrice", comparesEqualTo(new BigDecimal("81000.50")))
                .body("data.prices[0].priceDate", equalTo(yesterday));
        assertEquals(1, proxy.statements().size(), () -> "a coin with its prices in one statement: " + proxy.statements());

        Api.asUser("u").queryParam("pcgsNumber", "2147483647").queryParam("gradeCode", "MS65")
                .get("/api/coins/price-guide").then().statusCode(200)
                .body("data.priceDate", contains(lastWeek, yesterday))
                .body("data.pcgsNumber", contains(LARGEST, LARGEST))
                .body("data[0].pcgsPrice", comparesEqualTo(new BigDecimal("79500.00")))
                .body("data[0].priceSource", equalTo("pcgs"))
                .body("data[1].greysheetPrice", comparesEqualTo(new BigDecimal("81000.50")))
                .body("data[1].priceSource", equalTo("greysheet"));
        Api.asUser("u").queryParam("pcgsNumber", "2147483647").queryParam("grade", "MS65")
                .get("/api/coins/price-guide").then().statusCode(200)
                .body("data.price", comparesEqualTo(new BigDecimal("81000.50")))
                .body("data.priceDate", equalTo(yesterday));
        Api.asUser("u").queryParam("q", "2147483647").get("/api/coins/search").then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void oneMoreThanTheLargestIsRefusedByWritesAndNotFoundByReads() {
        Api.asAdmin("range-admin").contentType("application/json")
                .body("[{\"pcgsNumber\": 2147483648, \"year\": 1907, \"denomination\": \"$20\", \"series\": \"S\", \"fullName\": \"F\"}]")
                .post("/api/coins").then().statusCode(400).body("success", equalTo(false));
        Api.asAdmin("range-admin").contentType("text/csv")
                .body(PriceGuideCsv.HEADER + "\n2147483648,MS65,2024-01-02,1,\n")
                .post("/api/coins/price-guide").then().statusCode(400)
                .body("details.rows[0].reason", equalTo("pcgsNumber must be an integer from 1 to 2147483647"));
        Api.asUser("u").get("/api/coins/2147483648").then().statusCode(404).body("error", equalTo("Coin not found"));
        Api.asUser("u").queryParam("pcgsNumber", "2147483648").get("/api/coins/price-guide").then().statusCode(400)
                .body("details.field", equalTo("pcgsNumber"));
        Api.asUser("u").queryParam("pcgsNumber", "2147483648").queryParam("grade", "MS65").get("/api/coins/price-guide")
                .then().statusCode(400).body("details.field", equalTo("pcgsNumber"));
        assertEquals(0, TestData.count("SELECT count(*) FROM coin_references WHERE pcgs_number < 0"));
    }

    @Test
    void tenDigitNumbersBelowTheLargestAreFoundToo() {
        int pcgs = 1_000_000_000 + TestData.nextPcgsNumber();
        String id = TestData.coin(pcgs, "Ten digits");
        Api.asUser("u").get("/api/coins/" + pcgs).then().statusCode(200).body("data.id", equalTo(id));
        Api.asUser("u").queryParam("pcgsNumber", pcgs).get("/api/coins/price-guide").then().statusCode(200)
                .body("data", hasSize(0));
    }
}
