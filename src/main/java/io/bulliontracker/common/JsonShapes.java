package io.bulliontracker.common;

import io.bulliontracker.catalog.Coin;
import io.bulliontracker.catalog.CoinInput;
import io.bulliontracker.catalog.CoinUpsertResult;
import io.bulliontracker.catalog.Grade;
import io.bulliontracker.catalog.PriceGuideRow;
import io.bulliontracker.catalog.PriceRowInput;
import io.bulliontracker.collection.ItemInput;
import io.bulliontracker.collection.ItemView;
import io.bulliontracker.collection.ValuePoint;
import io.bulliontracker.valuation.CoinPerformance;
import io.bulliontracker.valuation.PerformanceReport;
import io.bulliontracker.valuation.SyncResult;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every record that crosses the wire as JSON, registered for reflection in the native image. Quarkus
 * finds a resource method's own types, but not those behind generics ({@code Envelope<List<ItemView>>}),
 * built by hand ({@code ErrorBody} in a Response), or read with ObjectMapper (the PATCH merge).
 */
@RegisterForReflection(targets = {Envelope.class, Envelope.Pagination.class, ErrorBody.class,
        Coin.class, Coin.LatestGradePrice.class, CoinInput.class, CoinUpsertResult.class, CoinUpsertResult.CoinKey.class,
        Grade.class, PriceGuideRow.class, PriceRowInput.class, ItemInput.class, ItemView.class, ValuePoint.class,
        CoinPerformance.class, PerformanceReport.class, SyncResult.class})
public final class JsonShapes {

    private JsonShapes() {
    }
}
