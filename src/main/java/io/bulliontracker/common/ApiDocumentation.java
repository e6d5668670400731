package io.bulliontracker.common;

/**
 * Names declared by the OpenAPI definition in {@code package-info.java}, for operations to refer to:
 * {@code @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)}.
 */
public final class ApiDocumentation {

    /** The bearer-JWT security scheme; Quarkus adds it to every @Authenticated or @RolesAllowed operation. */
    public static final String BEARER = "bearer";
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String UNAVAILABLE = "Unavailable";

    private ApiDocumentation() {
    }
}
