package io.bulliontracker.spot;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The metals with a spot price (copper has none), with the provider's currency code for each. */
public enum SpotMetal {
    GOLD("gold", "XAU"),
    SILVER("silver", "XAG"),
    PLATINUM("platinum", "XPT"),
    PALLADIUM("palladium", "XPD");

    /** The names as stored and as clients send them, in the contract's order. */
    public static final List<String> NAMES = Arrays.stream(values()).map(SpotMetal::label).toList();

    private final String label;
    private final String providerCode;

    SpotMetal(String label, String providerCode) {
        this.label = label;
        this.providerCode = providerCode;
    }

    public String label() {
        return label;
    }

    public String providerCode() {
        return providerCode;
    }

    public static Optional<SpotMetal> named(String name) {
        return Arrays.stream(values()).filter(m -> m.label.equals(name)).findFirst();
    }
}
