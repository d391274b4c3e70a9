/**
 * The HTTP API and pages. {@link fr.passerelle.api.ApiServer#create} builds the Javalin app without
 * starting it (tests drive it on a random port): security headers, access control, then the routes
 * by feature, each declared once in the {@link fr.passerelle.api.RouteTable} (which also maps every
 * error to its answer). {@code StepRoutes} (/api/steps), {@code PathwayRoutes} (/api/routes,
 * /api/bridges), {@code PrivacyRoutes} (notice, opposition, register), {@code ContributionRoutes},
 * {@code AdminRoutes}, {@code AboutRoutes} (health, domains, OpenAPI, the analysts' guide): each
 * parses and validates parameters, calls one service method and returns its record; every error is
 * an {@link fr.passerelle.api.ApiError}.
 */
package fr.passerelle.api;
