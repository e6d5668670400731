package io.bulliontracker.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks a whole coin batch before anything is written. */
final class CoinValidator {

    static final int MAX_COINS = 10_000;

    private CoinValidator() {
    }

    static void validate(List<CoinInput> coins) {
        if (coins == null || coins.isEmpty() || coins.size() > MAX_COINS) {
            throw io.bulliontracker.common.ApiException.invalidField("body",
                    "must be a JSON array of 1 to " + MAX_COINS + " coins");
        }
        RowErrors errors = new RowErrors();
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < coins.size(); i++) {
            String reason = reason(coins.get(i));
            if (reason == null) {
                Integer earlier = seen.putIfAbsent(coins.get(i).pcgsNumber(), i);
                if (earlier != null) {
                    reason = "pcgsNumber " + coins.get(i).pcgsNumber() + " appears again (first at index " + earlier + ")";
                }
            }
            if (reason != null) {
                errors.add(i, reason);
            }
        }
        errors.throwIfAny("coin");
    }

    private static String reason(CoinInput c) {
        if (c == null) {
            return "coin is null";
        }
        if (c.pcgsNumber() == null || c.pcgsNumber() < 1) {
            return "pcgsNumber must be a positive integer";
        }
        if (c.ngcNumber() != null && c.ngcNumber() < 1) {
            return "ngcNumber must be a positive integer";
        }
        if (c.year() == null || c.year() < 1 || c.year() > 9999) {
            return "year must be an integer from 1 to 9999";
        }
        if (c.mintage() != null && c.mintage() < 0) {
            return "mintage must be at least 0";
        }
        return Inputs.firstOf(
                Inputs.requiredText("denomination", c.denomination()),
                Inputs.requiredText("series", c.series()),
                Inputs.requiredText("fullName", c.fullName()),
                Inputs.optionalText("mintMark", c.mintMark()),
                Inputs.optionalText("variety", c.variety()),
                Inputs.optionalText("metal", c.metal()),
                Inputs.nonNegative("weightOz", c.weightOz()),
                Inputs.nonNegative("fineness", c.fineness()));
    }
}
