package io.bulliontracker.collection;

import io.bulliontracker.catalog.GradeCodes;
import io.bulliontracker.common.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The contract's item rules that turn a valid input into stored values: grade codes and the estimate
 * marker, purity percents, metal content of numismatic items, titles of coin items. Pure functions of
 * the input, the item's coin and the grade codes: the service reads those, then applies these.
 */
final class ItemRules {

    static final int FINE_OZ_SCALE = 6;
    static final Set<String> METALS = Set.of("gold", "silver", "platinum", "palladium", "copper");
    static final int MAX_TITLE = 300;

    private ItemRules() {
    }

    /**
     * What an update changed, beyond the values it left: a create changes everything.
     *
     * @param derivesMetalContent the request touched the coin, a weight or the purity and did not
     *        give {@code preciousMetalOz} itself
     * @param buildsTitle a blank title is to be built (a create, or an update that sent a title)
     */
    record Change(boolean derivesMetalContent, boolean buildsTitle) {
    }

    /** A grade as stored: a code when the text is one (case and spaces aside), else the text; a {@code ~} marks an estimate. */
    record GradeMark(String text, boolean estimated) {

        String stored() {
            return text == null ? null : estimated ? "~" + text : text;
        }
    }

    record MetalContent(BigDecimal metalWeightOz, BigDecimal metalPurity, BigDecimal preciousMetalOz) {
    }

    /**
     * Lays a valid input over the item. {@code coin} is the item's coin when the rules need it (the
     * service reads it only then), else null; {@code gradeCodes} are the codes of /api/grades.
     */
    static void apply(ItemInput in, CoinFacts coin, Set<String> gradeCodes, Change change, CollectionItem item) {
        String metal = in.metal() != null ? in.metal() : coinMetal(coin);
        GradeMark grade = grade(in.grade(), in.isGradeEstimated(), gradeCodes);
        if ("guide_price".equals(in.bookValueType()) && (grade.text() == null || !gradeCodes.contains(grade.text()))) {
            throw ApiException.invalidField("grade", "must be a grade code from /api/grades, optionally prefixed by ~");
        }
        BigDecimal metalWeightOz = in.metalWeightOz();
        BigDecimal metalPurity = fraction(in.metalPurity());
        BigDecimal preciousMetalOz = fineOunces(in.preciousMetalOz());
        if ("NUMISMATIC".equals(in.category()) && change.derivesMetalContent()) {
            MetalContent content = metalContent(coin, metal, metalWeightOz, metalPurity);
            if (content != null) {
                metalWeightOz = content.metalWeightOz();
                metalPurity = content.metalPurity();
                preciousMetalOz = content.preciousMetalOz();
            }
        }
        String title = in.title();
        if (title == null && change.buildsTitle() && coin != null) {
            title = title(coin, in.gradingService(), grade.stored());
        }

        item.category = in.category();
        item.type = in.type();
        item.title = title;
        item.metal = metal;
        item.quantity = in.quantity() == null ? 1 : in.quantity();
        item.weightOz = in.weightOz();
        item.metalPurity = metalPurity;
        item.metalWeightOz = metalWeightOz;
        item.preciousMetalOz = preciousMetalOz;
        item.coinReferenceId = coin != null ? coin.id() : in.coinReferenceId();
        item.certNumber = in.certNumber();
        item.grade = grade.stored();
        item.gradingService = in.gradingService();
        item.isProblemCoin = Boolean.TRUE.equals(in.isProblemCoin());
        item.problemType = in.problemType();
        item.isGradeEstimated = grade.text() != null && grade.estimated();
        item.notes = in.notes();
        item.bookValueType = in.bookValueType();
        item.customBookValue = in.customBookValue();
        item.premiumPercent = in.premiumPercent();
        item.numismaticValue = in.numismaticValue();
        item.confidenceLevel = in.confidenceLevel();
        item.spotPriceAtCreation = in.spotPriceAtCreation();
        item.purchaseDate = purchaseDate(in.purchaseDate());
        item.purchasePrice = in.purchasePrice();
    }

    /**
     * The grade without its estimate marks, normalised, and whether it is an estimate: {@code flag}
     * decides when the client sent it, else a leading {@code ~}. Any run of {@code ~} is one marker.
     */
    static GradeMark grade(String raw, Boolean flag, Set<String> codes) {
        GradeCodes.GradeText text = GradeCodes.normalise(raw);
        if (text == null || text.typed().isEmpty()) {
            return new GradeMark(null, false);
        }
        return new GradeMark(text.storedIn(codes), flag != null ? flag : text.estimated());
    }

    /** The clients send purity as a percent ({@code 90}); a value over 1 (validated: at most 100) is one. */
    static BigDecimal fraction(BigDecimal purity) {
        if (purity == null || purity.compareTo(BigDecimal.ONE) <= 0) {
            return purity;
        }
        return purity.movePointLeft(2);
    }

    /**
     * A numismatic item's metal content: from the coin's weight and fineness; else the US coinage
     * table by the coin's denomination and year, for the item's metal; else weight × purity of the
     * item itself; null when none applies (the item keeps what it has).
     */
    static MetalContent metalContent(CoinFacts coin, String metal, BigDecimal metalWeightOz, BigDecimal metalPurity) {
        if (coin != null && coin.weightOz() != null && coin.fineness() != null) {
            return new MetalContent(coin.weightOz(), coin.fineness(), fineOunces(coin.weightOz().multiply(coin.fineness())));
        }
        if (coin != null) {
            Optional<UsCoinage.Row> row = UsCoinage.find(coin.denomination(), coin.year(), metal);
            if (row.isPresent()) {
                return new MetalContent(row.get().grossOz(), row.get().purity(), row.get().fineOz());
            }
        }
        if (metalWeightOz != null && metalPurity != null) {
            return new MetalContent(metalWeightOz, metalPurity, fineOunces(metalWeightOz.multiply(metalPurity)));
        }
        return null;
    }

    /** {@code YEAR SERVICE GRADE DENOMINATION SERIES}: {@code 1881 PCGS MS65 $1 Morgan Dollar}; RAW without a service. */
    static String title(CoinFacts coin, String gradingService, String grade) {
        StringJoiner title = new StringJoiner(" ");
        title.add(String.valueOf(coin.year()));
        title.add(gradingService == null ? "RAW" : gradingService);
        for (String part : new String[] {grade, coin.denomination(), coin.series()}) {
            if (part != null && !part.isBlank()) {
                title.add(part.strip());
            }
        }
        String built = title.toString();
        return built.length() > MAX_TITLE ? built.substring(0, MAX_TITLE).strip() : built;
    }

    /**
     * {@code YYYY-MM-DD}, or an ISO-8601 timestamp whose UTC date is kept (one without an offset is
     * taken as UTC); null for none. Throws DateTimeParseException for anything else.
     */
    static LocalDate purchaseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() <= 10) {
            return LocalDate.parse(value);
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from, LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        }
        return ((LocalDateTime) parsed).toLocalDate();
    }

    /** Fine ounces are stored to 6 decimals (inputs have at most 12, validated before this runs). */
    static BigDecimal fineOunces(BigDecimal ounces) {
        return ounces == null || ounces.scale() <= FINE_OZ_SCALE ? ounces : ounces.setScale(FINE_OZ_SCALE, RoundingMode.HALF_UP);
    }

    private static String coinMetal(CoinFacts coin) {
        String metal = coin == null || coin.metal() == null ? null : coin.metal().strip().toLowerCase(Locale.ROOT);
        if (metal == null || !METALS.contains(metal)) {
            throw ApiException.invalidField("metal", "is required (the coin names no metal)");
        }
        return metal;
    }
}
