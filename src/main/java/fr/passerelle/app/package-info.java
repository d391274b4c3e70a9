/**
 * The composition root: {@link fr.passerelle.app.Settings} (every option in one record),
 * {@link fr.passerelle.app.Environment} (the database, keys, catalogue and services a command works
 * with) and {@link fr.passerelle.app.Server} (what {@code serve} runs: the publication cycle, the
 * release stores, the admin operations, the retention schedule, the HTTP server, the shutdown).
 * The command line only parses into these and prints.
 */
package fr.passerelle.app;
