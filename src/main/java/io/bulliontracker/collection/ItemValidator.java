package io.bulliontracker.collection;

import io.bulliontracker.common.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The contract's item rules, for a create and for a PATCH merged over the stored item alike. Returns
 * the normalised item (strings trimmed, grade with its {@code ~} marker) or throws a 400 naming the field.
 */
final class ItemValidator {

    static final Set<String> CATEGORIES = Set.of("BULLION", "NUMISMATIC");
    static final Set<String> TYPES = Set.of("itemized", "bulk");
    static final Set<String> METALS = Set.of("gold", "silver", "platinum", "palladium", "copper");
    static final Set<String> GRADING_SERVICES = Set.of("PCGS", "NGC", "ANACS", "ICG", "RAW");
    static final Set<String> BOOK_VALUE_TYPES = Set.of("spot_premium", "guide_price", "custom");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    static final int MAX_QUANTITY = 1_000_000;

    private ItemValidator() {
    }

    /** What a valid input becomes; the coin is resolved later (it needs the database). */
    record ValidItem(String category, String type, String title, String metal, int quantity, BigDecimal weightOz,
            BigDecimal metalPurity, BigDecimal metalWeightOz, BigDecimal preciousMetalOz, String coinReferenceId,
            Integer pcgsNumber, String certNumber, String grade, String gradingService, boolean isProblemCoin,
            String problemType, boolean isGradeEstimated, String notes, String bookValueType,
            BigDecimal customBookValue, BigDecimal premiumPercent, BigDecimal numismaticValue, String confidenceLevel,
            BigDecimal spotPriceAtCreation, LocalDate purchaseDate, BigDecimal purchasePrice) {

        boolean namesACoin() {
            return coinReferenceId != null || pcgsNumber != null;
        }
    }

    /**
     * Checks the rules; {@code gradeCodes} null means the grade list is not at hand yet, and only a
     * grade code's validity is left unchecked (so bad input is refused before any database work).
     */
    static ValidItem validate(ItemInput in, Set<String> gradeCodes, LocalDate today) {
        if (in == null) {
            throw ApiException.invalidField("body", "must be a JSON object");
        }
        String category = oneOf("category", text("category", in.category(), 20), CATEGORIES, true);
        String metal = oneOf("metal", text("metal", in.metal(), 20), METALS, true);
        String bookValueType = oneOf("bookValueType", text("bookValueType", in.bookValueType(), 20), BOOK_VALUE_TYPES, true);
        String type = oneOf("type", text("type", in.type(), 20), TYPES, false);
        String gradingService = oneOf("gradingService", text("gradingService", in.gradingService(), 20), GRADING_SERVICES, false);

        int quantity = in.quantity() == null ? 1 : in.quantity();
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw ApiException.invalidField("quantity", "must be an integer from 1 to " + MAX_QUANTITY);
        }
        BigDecimal weightOz = amount("weightOz", in.weightOz());
        BigDecimal customBookValue = amount("customBookValue", in.customBookValue());
        if ("BULLION".equals(category)) {
            if (type == null) {
                throw ApiException.invalidField("type", "is required for BULLION (itemized or bulk)");
            }
            if (weightOz == null || weightOz.signum() <= 0) {
                throw ApiException.invalidField("weightOz", "must be greater than 0 for BULLION");
            }
        }
        if ("custom".equals(bookValueType) && customBookValue == null) {
            throw ApiException.invalidField("customBookValue", "is required (at least 0) for a custom book value");
        }

        String coinReferenceId = text("coinReferenceId", in.coinReferenceId(), 100);
        if (in.pcgsNumber() != null && in.pcgsNumber() < 1) {
            throw ApiException.invalidField("pcgsNumber", "must be a positive integer");
        }
        String rawGrade = text("grade", in.grade(), 10);
        boolean estimated = Boolean.TRUE.equals(in.isGradeEstimated()) || rawGrade != null && rawGrade.startsWith("~");
        String grade = null;
        if (rawGrade != null) {
            String code = (rawGrade.startsWith("~") ? rawGrade.substring(1) : rawGrade).strip().toUpperCase();
            if (gradeCodes != null && !gradeCodes.contains(code)) {
                throw ApiException.invalidField("grade", "must be a grade code from /api/grades, optionally prefixed by ~");
            }
            grade = estimated ? "~" + code : code;
        }
        if ("guide_price".equals(bookValueType)) {
            if (!"NUMISMATIC".equals(category)) {
                throw ApiException.invalidField("bookValueType", "guide_price needs category NUMISMATIC");
            }
            if (coinReferenceId == null && in.pcgsNumber() == null) {
                throw ApiException.invalidField("coinReferenceId", "guide_price needs coinReferenceId or pcgsNumber");
            }
            if (grade == null) {
                throw ApiException.invalidField("grade", "guide_price needs a grade");
            }
        }
        BigDecimal premiumPercent = in.premiumPercent();
        if (premiumPercent != null && (premiumPercent.compareTo(BigDecimal.valueOf(-100)) < 0
                || premiumPercent.compareTo(BigDecimal.valueOf(1_000_000)) > 0)) {
            throw ApiException.invalidField("premiumPercent", "must be from -100 to 1000000");
        }
        return new ValidItem(category, type, text("title", in.title(), 300), metal, quantity, weightOz,
                amount("metalPurity", in.metalPurity()), amount("metalWeightOz", in.metalWeightOz()),
                amount("preciousMetalOz", in.preciousMetalOz()), coinReferenceId, in.pcgsNumber(),
                text("certNumber", in.certNumber(), 100), grade, gradingService, Boolean.TRUE.equals(in.isProblemCoin()),
                text("problemType", in.problemType(), 300), estimated, text("notes", in.notes(), 5000), bookValueType,
                customBookValue, premiumPercent, amount("numismaticValue", in.numismaticValue()),
                text("confidenceLevel", in.confidenceLevel(), 50), amount("spotPriceAtCreation", in.spotPriceAtCreation()),
                purchaseDate(in.purchaseDate(), today), amount("purchasePrice", in.purchasePrice()));
    }

    /** Trimmed text, null when blank; refused when too long or holding a NUL (PostgreSQL text cannot). */
    private static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        if (stripped.indexOf('\0') >= 0) {
            throw ApiException.invalidField(field, "must not contain a null character");
        }
        return stripped.isEmpty() ? null : stripped;
    }

    private static String oneOf(String field, String value, Set<String> allowed, boolean required) {
        if (value == null) {
            if (required) {
                throw new ApiException(400, "Invalid " + field + ": is required", java.util.Map.of("field", field,
                        "reason", "is required", "allowed", allowed.stream().sorted().toList()));
            }
            return null;
        }
        if (!allowed.contains(value)) {
            throw new ApiException(400, "Invalid " + field + ": must be one of " + allowed.stream().sorted().toList(),
                    java.util.Map.of("field", field, "reason", "not an allowed value", "allowed",
                            allowed.stream().sorted().toList()));
        }
        return value;
    }

    private static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            throw ApiException.invalidField(field, "must be at least 0");
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            throw ApiException.invalidField(field, "must be at most " + MAX_AMOUNT.toPlainString());
        }
        return value;
    }

    /** A date ({@code 2024-05-01}) or a timestamp (its UTC date); never after today. */
    private static LocalDate purchaseDate(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = raw.length() <= 10 ? LocalDate.parse(raw.strip())
                    : OffsetDateTime.parse(raw.strip()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("purchaseDate", "must be a date YYYY-MM-DD or an ISO-8601 timestamp");
        }
        if (date.isAfter(today)) {
            throw ApiException.invalidField("purchaseDate", "must not be in the future");
        }
        return date;
    }
}
