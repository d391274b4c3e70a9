package fr.passerelle.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the official references are (ROME JSON exports; RNCP and BCN CSV files) and how to match titles. */
final class References {
    @Option(
            names = "--rome",
            defaultValue = "${env:PASSERELLE_ROME_DIR}",
            description =
                    "Folder with referentiel_code_rome.json and referentiel_appellation.json (France Travail open data).")
    Path rome;

    @Option(
            names = "--diplomas",
            defaultValue = "${env:PASSERELLE_DIPLOMAS_DIR}",
            description =
                    "Folder with rncp_info*.csv, rncp_rome*.csv and codes_diplomes*.csv (France Compétences / BCN open data).")
    Path diplomas;

    @Option(
            names = "--mappings",
            description = "CSV title,kind,code: titles mapped by hand, which win over everything.")
    Path mappings;

    @Option(
            names = "--threshold",
            defaultValue = "0.6",
            description = "Minimum confidence to map a title (default: ${DEFAULT-VALUE}).")
    double threshold;
}
