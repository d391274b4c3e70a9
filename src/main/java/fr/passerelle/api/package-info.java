/**
 * The HTTP API. {@link fr.passerelle.api.ApiServer#create} builds the Javalin app without starting it
 * (tests drive it on a random port); each {@code *Routes} class parses and validates parameters, calls
 * one service method and returns its record; every error is an {@link fr.passerelle.api.ApiError}.
 */
package fr.passerelle.api;
