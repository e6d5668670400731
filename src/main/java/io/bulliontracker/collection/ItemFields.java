package io.bulliontracker.collection;

/** Copies between the validated input, the entity, and the input shape a PATCH is merged over. */
final class ItemFields {

    private ItemFields() {
    }

    static ItemValidator.ValidItem withCoin(ItemValidator.ValidItem v, String coinId) {
        return new ItemValidator.ValidItem(v.category(), v.type(), v.title(), v.metal(), v.quantity(), v.weightOz(),
                v.metalPurity(), v.metalWeightOz(), v.preciousMetalOz(), coinId, null, v.certNumber(), v.grade(),
                v.gradingService(), v.isProblemCoin(), v.problemType(), v.isGradeEstimated(), v.notes(),
                v.bookValueType(), v.customBookValue(), v.premiumPercent(), v.numismaticValue(), v.confidenceLevel(),
                v.spotPriceAtCreation(), v.purchaseDate(), v.purchasePrice());
    }

    static void apply(ItemValidator.ValidItem v, CollectionItem item) {
        item.category = v.category();
        item.type = v.type();
        item.title = v.title();
        item.metal = v.metal();
        item.quantity = v.quantity();
        item.weightOz = v.weightOz();
        item.metalPurity = v.metalPurity();
        item.metalWeightOz = v.metalWeightOz();
        item.preciousMetalOz = v.preciousMetalOz();
        item.coinReferenceId = v.coinReferenceId();
        item.certNumber = v.certNumber();
        item.grade = v.grade();
        item.gradingService = v.gradingService();
        item.isProblemCoin = v.isProblemCoin();
        item.problemType = v.problemType();
        item.isGradeEstimated = v.isGradeEstimated();
        item.notes = v.notes();
        item.bookValueType = v.bookValueType();
        item.customBookValue = v.customBookValue();
        item.premiumPercent = v.premiumPercent();
        item.numismaticValue = v.numismaticValue();
        item.confidenceLevel = v.confidenceLevel();
        item.spotPriceAtCreation = v.spotPriceAtCreation();
        item.purchaseDate = v.purchaseDate();
        item.purchasePrice = v.purchasePrice();
    }

    /** The stored item at full precision, in the shape a create takes. */
    static ItemInput asInput(CollectionItem i) {
        return new ItemInput(i.category, i.type, i.title, i.metal, i.quantity, i.weightOz, i.metalPurity,
                i.metalWeightOz, i.preciousMetalOz, i.coinReferenceId, null, i.certNumber, i.grade, i.gradingService,
                i.isProblemCoin, i.problemType, i.isGradeEstimated, i.notes, i.bookValueType, i.customBookValue,
                i.premiumPercent, i.numismaticValue, i.confidenceLevel, i.spotPriceAtCreation,
                i.purchaseDate == null ? null : i.purchaseDate.toString(), i.purchasePrice);
    }
}
