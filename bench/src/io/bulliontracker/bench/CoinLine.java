package io.bulliontracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One coin of a performance report, money as 2-decimal strings, so the service's JSON and the N+1
 * baseline's result compare field by field with {@code equals}.
 */
record CoinLine(String id, String title, String grade, String coinReferenceId, String currentPrice,
        String priceOneMonthAgo, String change, String changePercent, String priceSource) {

    static CoinLine fromJson(JsonNode coin) {
        return new CoinLine(coin.get("id").asText(), coin.get("title").asText(), coin.get("grade").asText(),
                coin.get("coinReferenceId").asText(), money(coin.get("currentPrice").decimalValue()),
                money(coin.get("priceOneMonthAgo").decimalValue()), money(coin.get("change").decimalValue()),
                money(coin.get("changePercent").decimalValue()), coin.get("priceSource").asText());
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
