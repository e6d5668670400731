package io.bulliontracker.spot;

/** The provider answered, but not with rates (its {@code success} flag is not true, or the shape is wrong). */
public class ProviderFailure extends RuntimeException {

    public ProviderFailure(String message) {
        super(message, null, false, false);
    }
}
