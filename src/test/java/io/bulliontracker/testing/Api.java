package io.bulliontracker.testing;

import static io.restassured.RestAssured.given;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/** rest-assured requests as a given user; JSON numbers come back as BigDecimal so money compares exactly. */
public final class Api {

    public static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    public static RequestSpecification as(String bearer) {
        return given().config(EXACT_NUMBERS).header("Authorization", bearer);
    }

    public static RequestSpecification asUser(String userId) {
        return as(Tokens.user(userId));
    }

    public static RequestSpecification asAdmin(String userId) {
        return as(Tokens.admin(userId));
    }

    public static RequestSpecification anonymous() {
        return given().config(EXACT_NUMBERS);
    }
}
