package io.bulliontracker.spot;

/** Always all four metals: the clients read the fields of each one. */
public record LatestSpotPrices(SpotPrice gold, SpotPrice silver, SpotPrice platinum, SpotPrice palladium) {
}
