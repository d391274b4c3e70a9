/**
 * The {@code passerelle} command line (picocli), one class per command: {@code serve}, {@code import},
 * {@code demo}, {@code publish}, {@code export}, {@code erase}, {@code purge}, {@code rotate-key},
 * {@code apikey}, {@code collect}, {@code catalog}, {@code privacy}, {@code backup}, {@code restore},
 * {@code bench}, {@code eval}.
 * {@link fr.passerelle.cli.CommonOptions} holds the options every command shares (each with its
 * PASSERELLE_* variable) and turns them into {@link fr.passerelle.app.Settings}; commands open an
 * {@link fr.passerelle.app.Environment}, call it, and print.
 */
package fr.passerelle.cli;
