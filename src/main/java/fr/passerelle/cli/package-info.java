/**
 * The {@code passerelle} command line (picocli): {@code serve}, {@code import}, {@code demo},
 * {@code bench}. {@link fr.passerelle.cli.Environment} opens what every command needs: the database
 * (embedded by default, external with {@code --neo4j-uri}), the schema, the catalogue and the key.
 */
package fr.passerelle.cli;
