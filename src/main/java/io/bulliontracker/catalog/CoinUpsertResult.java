package io.bulliontracker.catalog;

import java.util.List;

public record CoinUpsertResult(int created, int updated, List<CoinKey> coins) {

    public record CoinKey(String id, int pcgsNumber) {
    }
}
