package io.bulliontracker.catalog;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admin imports: constraints on every row (decimal bounds refused before any arithmetic), the
 * CSV form's RFC 4180 reading, and all or nothing with the first bad rows named by index.
 */
@QuarkusTest
class CatalogImportTests {

    private static final String ADMIN = "import-admin";

    private static String coin(int pcgs) {
        return Api.asAdmin(ADMIN).contentType("application/json")
                .body("[{\"pcgsNumber\": " + pcgs + ", \"year\": 1921, \"denomination\": \"$1\", \"series\": \"Peace\", "
                        + "\"fullName\": \"1921 Peace Dollar\"}]")
                .post("/api/coins").then().statusCode(200).extract().path("data.coins[0].id");
    }

    private static long rowsOf(String coin) {
        return TestData.count("SELECT count(*) FROM price_guide WHERE coin_reference_id = ?", coin);
    }

    @Test
    void csvWithAByteOrderMarkCrlfAndQuotedFieldsIsImported() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = coin(pcgs);
        String d1 = TestData.daysAgo(3).toString();
        String d2 = TestData.daysAgo(2).toString();
        String d3 = TestData.daysAgo(1).toString();
        // A quoted line break inside a field is part of the field (the grade reads as "MS 64"), not a new row.
        String csv = "\uFEFF" + PriceGuideCsv.HEADER + "\r\n"
                + "\"" + pcgs + "\",\"MS63\",\"" + d1 + "\",\"100.005\",\"\"\r\n"
                + pcgs + ",\"MS\r\n64\"," + d2 + ",,\"95.5\"\r\n"
                + pcgs + ", MS65 ," + d3 + ",120,110";
        Api.asAdmin(ADMIN).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/coins/price-guide").then().statusCode(200).body("data.upserted", equalTo(3));
        Api.asUser("u").queryParam("pcgsNumber", pcgs).get("/api/coins/price-guide").then().statusCode(200)
                .body("data.gradeCode", contains("MS63", "MS64", "MS65"))
                .body("data.priceDate", contains(d1, d2, d3))
                .body("data[0].pcgsPrice", comparesEqualTo(new BigDecimal("100.01")))
                .body("data[0].greysheetPrice", equalTo(null))
                .body("data[0].priceSource", equalTo("pcgs"))
                .body("data[1].greysheetPrice", comparesEqualTo(new BigDecimal("95.50")))
                .body("data[1].priceSource", equalTo("greysheet"))
                .body("data[2].pcgsPrice", comparesEqualTo(new BigDecimal("120.00")))
                .body("data[2].priceSource", equalTo("both"));
        assertEquals(3, rowsOf(coin));
    }

    @Test
    void csvQuotingKeepsRowIndexesRightWhenRowsAreRefused() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = coin(pcgs);
        String day = TestData.daysAgo(1).toString();
        String csv = "pcgsNumber,gradeCode,priceDate,pcgsPrice,greysheetPrice\n"
                + pcgs + ",\"AU\n58\"," + day + ",1,\n"          // 0: fine; its quoted line break is not a row
                + pcgs + ",MS60," + day + ",\"1,000.00\",\n"      // 1: the quoted comma stays in the field
                + pcgs + ",\"MS\"\"61\"," + day + ",1,\n"         // 2: "" is a quote inside the field
                + pcgs + ",MS62," + day + ",1,\n";                // 3: fine
        Api.asAdmin(ADMIN).contentType("text/csv").body(csv).post("/api/coins/price-guide").then().statusCode(400)
                .body("error", equalTo("2 invalid price rows; first at index 1: pcgsPrice is not a number. Nothing was written."))
                .body("details.invalidRows", equalTo(2))
                .body("details.rows.index", contains(1, 2))
                .body("details.rows[0].reason", equalTo("pcgsPrice is not a number"))
                .body("details.rows[1].reason", equalTo("gradeCode is not a valid grade"));
        assertEquals(0, rowsOf(coin));
    }

    @Test
    void csvColumnsMayComeInAnyOrder() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = coin(pcgs);
        Api.asAdmin(ADMIN).contentType("text/csv; charset=utf-8")
                .body("priceDate,greysheetPrice,pcgsPrice,gradeCode,pcgsNumber\n" + TestData.daysAgo(1) + ",7.25,,VF20," + pcgs + "\n")
                .post("/api/coins/price-guide").then().statusCode(200).body("data.upserted", equalTo(1));
        assertEquals(new BigDecimal("7.25"), TestData.decimal("SELECT greysheet_price FROM price_guide WHERE coin_reference_id = ?", coin));
    }

    @Test
    void malformedCsvIsRefusedAndWritesNothing() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = coin(pcgs);
        Api.asAdmin(ADMIN).contentType("text/csv")
                .body(PriceGuideCsv.HEADER + "\n" + pcgs + ",MS60," + TestData.daysAgo(1) + ",1,\n" + pcgs + ",\"MS61,2024-01-01,1,\n")
                .post("/api/coins/price-guide").then().statusCode(400)
                .body("details.field", equalTo("body"))
                .body("details.reason", containsString("not valid CSV"));
        Api.asAdmin(ADMIN).contentType("text/csv").body(PriceGuideCsv.HEADER + "\n")
                .post("/api/coins/price-guide").then().statusCode(400)
                .body("details.field", equalTo("body"));
        assertEquals(0, rowsOf(coin));
    }

    @Test
    void decimalsBeyondTwelveDigitsEitherSideAreRefusedBeforeAnyArithmetic() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = coin(pcgs);
        String row = "{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS65\", \"priceDate\": \"" + TestData.daysAgo(1) + "\", ";
        String body = "[" + row + "\"pcgsPrice\": 1e20},"
                + row + "\"pcgsPrice\": 1e-20000},"
                + row + "\"greysheetPrice\": 1e-100000000},"
                + row + "\"pcgsPrice\": 0.0000000000001},"
                + row + "\"pcgsPrice\": 9999999999.995},"
                + row + "\"pcgsPrice\": 1, \"greysheetPrice\": -0.01}]";
        Api.asAdmin(ADMIN).contentType("application/json").body(body).post("/api/coins/price-guide").then().statusCode(400)
                .body("details.invalidRows", equalTo(6))
                .body("details.rows.index", contains(0, 1, 2, 3, 4, 5))
                .body("details.rows[0].reason", equalTo("pcgsPrice must be at most 9999999999.99; "
                        + "pcgsPrice must have at most 12 digits before the decimal point and 12 after it"))
                .body("details.rows[1].reason", equalTo("pcgsPrice must have at most 12 digits before the decimal point and 12 after it"))
                .body("details.rows[2].reason", equalTo("greysheetPrice must have at most 12 digits before the decimal point and 12 after it"))
                .body("details.rows[3].reason", equalTo("pcgsPrice must have at most 12 digits before the decimal point and 12 after it"))
                .body("details.rows[4].reason", equalTo("pcgsPrice must be at most 9999999999.99"))
                .body("details.rows[5].reason", equalTo("greysheetPrice must be at least 0"));
        assertEquals(0, rowsOf(coin));

        // Warm now, the value that would pin a thread in setScale for over a minute is refused at once.
        long started = System.nanoTime();
        Api.asAdmin(ADMIN).contentType("application/json").body("[" + row + "\"pcgsPrice\": 1e-100000000}]")
                .post("/api/coins/price-guide").then().statusCode(400);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1000, "answered in " + millis + " ms");
    }

    @Test
    void pricesAreStoredRoundedHalfUpToCentsUpToTheLargestThatFits() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = coin(pcgs);
        String row = "{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"PR70\", \"priceDate\": \"";
        Api.asAdmin(ADMIN).contentType("application/json")
                .body("[" + row + TestData.daysAgo(1) + "\", \"pcgsPrice\": 9999999999.99, \"greysheetPrice\": 0.004999999999},"
                        + row + TestData.daysAgo(2) + "\", \"pcgsPrice\": 0.005, \"greysheetPrice\": 2.344999999999}]")
                .post("/api/coins/price-guide").then().statusCode(200).body("data.upserted", equalTo(2));
        List<List<Object>> stored = TestData.rows(
                "SELECT pcgs_price, greysheet_price FROM price_guide WHERE coin_reference_id = ? ORDER BY price_date DESC", coin);
        assertEquals(List.of(new BigDecimal("9999999999.99"), new BigDecimal("0.00")), stored.get(0));
        assertEquals(List.of(new BigDecimal("0.01"), new BigDecimal("2.34")), stored.get(1));
        Api.asAdmin(ADMIN).contentType("application/json")
                .body("[" + row + TestData.daysAgo(3) + "\", \"pcgsPrice\": 9999999999.991}]")
                .post("/api/coins/price-guide").then().statusCode(400)
                .body("details.rows[0].reason", equalTo("pcgsPrice must be at most 9999999999.99"));
    }

    @Test
    void aRowMustNameACoinAndGradesAreReadLikeEverywhere() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = coin(pcgs);
        String day = TestData.daysAgo(1).toString();
        Api.asAdmin(ADMIN).contentType("application/json")
                .body("[{\"gradeCode\": \"MS65\", \"priceDate\": \"" + day + "\"},"
                        + "{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"~MS65\", \"priceDate\": \"" + day + "\", \"pcgsPrice\": 1},"
                        + "{\"pcgsNumber\": 0, \"coinReferenceId\": \"a\\u0000b\", \"gradeCode\": \"MS65\", \"priceDate\": \"2024-02-30\", \"pcgsPrice\": 1},"
                        + "{\"pcgsNumber\": " + TestData.nextPcgsNumber() + ", \"coinReferenceId\": \"" + coin + "\", \"gradeCode\": \"MS65\", \"priceDate\": \"" + day + "\", \"pcgsPrice\": 1},"
                        + "{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS65\", \"priceDate\": \"2024-02-30\", \"pcgsPrice\": 1}]")
                .post("/api/coins/price-guide").then().statusCode(400)
                .body("details.rows.index", contains(0, 1, 2, 3, 4))
                .body("details.rows[0].reason", equalTo("at least one of pcgsPrice and greysheetPrice is required; "
                        + "pcgsNumber or coinReferenceId is required"))
                .body("details.rows[1].reason", equalTo("gradeCode is not a valid grade"))
                .body("details.rows[2].reason", equalTo("coinReferenceId must not contain a NUL character; "
                        + "pcgsNumber must be an integer from 1 to 2147483647"))
                .body("details.rows[3].reason", equalTo("pcgsNumber and coinReferenceId name different coins"))
                .body("details.rows[4].reason", equalTo("priceDate must be a date YYYY-MM-DD"));
        Api.asAdmin(ADMIN).contentType("application/json")
                .body("[{\"coinReferenceId\": \"" + coin + "\", \"pcgsNumber\": " + pcgs + ", \"gradeCode\": \" ms 65 \", "
                        + "\"priceDate\": \"" + day + "\", \"greysheetPrice\": 3}]")
                .post("/api/coins/price-guide").then().statusCode(200).body("data.upserted", equalTo(1));
        assertEquals("MS65", TestData.rows("SELECT grade_code FROM price_guide WHERE coin_reference_id = ?", coin).get(0).get(0));
    }

    @Test
    void coinConstraintsNameEachBadRow() {
        int ok = TestData.nextPcgsNumber();
        String valid = "\"year\": 1900, \"denomination\": \"1C\", \"series\": \"S\", \"fullName\": \"F\"";
        String body = "[{\"pcgsNumber\": " + ok + ", " + valid + "},"
                + "{\"pcgsNumber\": " + TestData.nextPcgsNumber() + ", " + valid + ", \"weightOz\": 1e20},"
                + "{\"pcgsNumber\": " + TestData.nextPcgsNumber() + ", " + valid + ", \"fineness\": 1e-100000000},"
                + "{\"pcgsNumber\": " + TestData.nextPcgsNumber() + ", " + valid + ", \"fineness\": 1.5},"
                + "{\"pcgsNumber\": " + TestData.nextPcgsNumber() + ", \"year\": 0, \"denomination\": \" \", \"series\": \"a\\u0000\", \"fullName\": \"" + "x".repeat(301) + "\"},"
                + "{\"pcgsNumber\": 0, " + valid + ", \"ngcNumber\": 0, \"mintage\": -1},"
                + "null]";
        Api.asAdmin(ADMIN).contentType("application/json").body(body).post("/api/coins").then().statusCode(400)
                .body("details.rows.index", contains(1, 2, 3, 4, 5, 6))
                .body("details.rows[0].reason", equalTo("weightOz must have at most 12 digits before the decimal point and 12 after it"))
                .body("details.rows[1].reason", equalTo("fineness must have at most 12 digits before the decimal point and 12 after it"))
                .body("details.rows[2].reason", equalTo("fineness must be a fraction from 0 to 1"))
                .body("details.rows[3].reason", equalTo("denomination is required; fullName must be at most 300 characters; "
                        + "series must not contain a NUL character; year must be an integer from 1 to 9999"))
                .body("details.rows[4].reason", equalTo("mintage must be at least 0; ngcNumber must be a positive integer; "
                        + "pcgsNumber must be an integer from 1 to 2147483647"))
                .body("details.rows[5].reason", equalTo("coin is null"));
        assertEquals(0, TestData.count("SELECT count(*) FROM coin_references WHERE pcgs_number = ?", ok));
    }

    @Test
    void anEmptyOrOversizedBatchNamesTheBody() {
        Api.asAdmin(ADMIN).contentType("application/json").body("[]").post("/api/coins").then().statusCode(400)
                .body("error", equalTo("Invalid body: must be a JSON array of 1 to 10000 coins"));
        Api.asAdmin(ADMIN).contentType("application/json").body("null").post("/api/coins").then().statusCode(400)
                .body("details.field", equalTo("body"));
        Api.asAdmin(ADMIN).contentType("application/json").body("[]").post("/api/coins/price-guide").then().statusCode(400)
                .body("error", equalTo("Invalid body: must hold 1 to 100000 price rows"));
    }
}
