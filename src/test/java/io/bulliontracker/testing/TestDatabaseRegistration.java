package io.bulliontracker.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Every Quarkus test of the run shares one fresh database. */
@QuarkusTestResource(value = TestDatabaseResource.class, restrictToAnnotatedClass = false)
public final class TestDatabaseRegistration {

    private TestDatabaseRegistration() {
    }
}
