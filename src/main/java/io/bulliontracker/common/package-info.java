/**
 * What every feature shares: the contract's envelopes and errors, configuration, database time limits,
 * and the OpenAPI document's header ({@code /q/openapi}) below: what the service is, how callers
 * authenticate, and the error answers every route shares, which operations reference by name
 * ({@code @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)}). SmallRye OpenAPI
 * reads {@code @OpenAPIDefinition} from a JAX-RS Application class or a package; a package keeps it
 * out of the REST layer.
 */
@OpenAPIDefinition(
        info = @Info(
                title = "Bullion tracker valuation service",
                // The version of the HTTP contract, which the deployed clients depend on, not of the build.
                version = "1.0.0",
                description = """
                        Values coin and bullion collections for the bullion tracker app's web and mobile \
                        clients: the caller's collection, the coin catalog and price guide, spot prices, \
                        coin performance and portfolio valuation. Every /api route but the spot-price reads \
                        needs an RS256 bearer token whose sub is the user id. Successes answer \
                        {"success": true, "data": ...}; failures {"success": false, "error": ..., "details": ...}. \
                        Money is rounded half-up to 2 decimals."""),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = io.bulliontracker.common.ApiDocumentation.BEARER,
                        type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                        description = "RS256 token; sub is the user id, a groups claim with admin allows catalog writes"),
                responses = {
                        @APIResponse(name = io.bulliontracker.common.ApiDocumentation.BAD_REQUEST, responseCode = "400",
                                description = "Invalid input, named in details.field (nothing was written)",
                                content = @Content(mediaType = "application/json",
                                        schema = @Schema(implementation = io.bulliontracker.common.ErrorBody.class))),
                        @APIResponse(name = io.bulliontracker.common.ApiDocumentation.UNAUTHORIZED, responseCode = "401",
                                description = "No valid bearer token",
                                content = @Content(mediaType = "application/json",
                                        schema = @Schema(implementation = io.bulliontracker.common.ErrorBody.class))),
                        @APIResponse(name = io.bulliontracker.common.ApiDocumentation.UNAVAILABLE, responseCode = "503",
                                description = "Database unavailable or too slow; retry after the Retry-After header's seconds",
                                content = @Content(mediaType = "application/json",
                                        schema = @Schema(implementation = io.bulliontracker.common.ErrorBody.class)))}))
package io.bulliontracker.common;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
