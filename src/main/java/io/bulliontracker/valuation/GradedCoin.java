package io.bulliontracker.valuation;

/**
 * What a guide price is keyed by: a coin reference and a grade code. An item's stored grade may carry
 * the estimated-grade marker ({@code ~MS65}); the price guide knows only the plain code.
 */
public record GradedCoin(String coinReferenceId, String gradeCode) {

    public static GradedCoin of(String coinReferenceId, String storedGrade) {
        String code = storedGrade.startsWith("~") ? storedGrade.substring(1) : storedGrade;
        return new GradedCoin(coinReferenceId, code);
    }
}
