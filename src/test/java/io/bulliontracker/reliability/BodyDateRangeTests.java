package io.bulliontracker.reliability;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Body dates PostgreSQL would refuse (before 4713 BC) or store as another day (year 0, the Julian days
 * before 1582-10-15) are a 400 naming the field, and nothing is written.
 */
@QuarkusTest
class BodyDateRangeTests {

    @ParameterizedTest
    @ValueSource(strings = {"0000-06-15", "1582-10-10", "1899-12-31"})
    void priceRowDatesBefore1900AreRefusedAndWriteNothing(String day) {
        int pcgs = TestData.nextPcgsNumber();
        TestData.coin(pcgs, "Old Coin " + pcgs);
        Api.asAdmin("admin").contentType("application/json")
                .body("[{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS65\", \"priceDate\": \"" + day + "\", \"pcgsPrice\": 10}]")
                .post("/api/coins/price-guide").then().statusCode(400)
                .body("details.rows[0].index", equalTo(0))
                .body("details.rows[0].reason", equalTo("priceDate must be a date from 1900-01-01 to 9999-12-31"));
        assertEquals(0, TestData.count("SELECT count(*) FROM price_guide p JOIN coin_references c ON c.id = p.coin_reference_id"
                + " WHERE c.pcgs_number = ?", pcgs));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-06-15", "1582-10-10", "1899-12-31T23:00:00Z"})
    void purchaseDatesBefore1900AreRefusedAndWriteNothing(String day) {
        String user = TestData.newUser();
        Api.asUser(user).contentType("application/json")
                .body("{\"category\": \"BULLION\", \"type\": \"itemized\", \"metal\": \"silver\", \"weightOz\": 1,"
                        + " \"bookValueType\": \"spot_premium\", \"purchaseDate\": \"" + day + "\"}")
                .post("/api/collection").then().statusCode(400)
                .body("details.field", equalTo("purchaseDate"))
                .body("details.reason", equalTo("must be a date from 1900-01-01 to 9999-12-31"));
        assertEquals(0, TestData.count("SELECT count(*) FROM collection_items WHERE user_id = ?", user));
    }
}
