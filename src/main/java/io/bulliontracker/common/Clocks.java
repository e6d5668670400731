package io.bulliontracker.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

public class Clocks {

    /** "Today" in the contract is the current date in UTC. */
    @Produces
    @Singleton
    Clock utc() {
        return Clock.systemUTC();
    }
}
