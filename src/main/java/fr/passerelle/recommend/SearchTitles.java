package fr.passerelle.recommend;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.CatalogueStep;
import fr.passerelle.mapping.OfficialData;
import fr.passerelle.mapping.TitleMatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The names search knows steps by, beyond the release's own labels: the catalogue's everyday names
 * ({@code aliases}) and, when the France Travail ROME export is at hand, its ~11,000 job titles
 * (appellations, both genders). Only titles of released steps are ever searched.
 *
 * @param references titles by step code, as {@link TitleMatcher} takes them
 * @param source what they came from, said where search is described (health, the start lines)
 */
public record SearchTitles(List<TitleMatcher.Reference> references, String source) {
    public SearchTitles {
        references = List.copyOf(references);
    }

    private static volatile SearchTitles standard;

    /** The bundled catalogue's names, and the ROME job titles when {@link #romeDir()} finds them (read once). */
    public static SearchTitles standard() {
        SearchTitles s = standard;
        if (s == null) {
            s = of(Catalogue.bundled(), romeDir());
            standard = s;
        }
        return s;
    }

    /** {@code catalogue}'s labels and aliases, plus the ROME job titles of {@code romeDir} (may be null). */
    public static SearchTitles of(Catalogue catalogue, Path romeDir) {
        List<TitleMatcher.Reference> refs = new ArrayList<>();
        for (CatalogueStep s : catalogue.steps()) {
            refs.add(new TitleMatcher.Reference(s.code(), s.kind(), s.label(), s.label(), "catalogue"));
            for (String alias : s.aliases()) {
                refs.add(new TitleMatcher.Reference(s.code(), s.kind(), alias, s.label(), "catalogue"));
            }
        }
        String source = catalogue.origin();
        if (romeDir != null) {
            OfficialData rome = OfficialData.load(Catalogue.EMPTY, romeDir, null);
            refs.addAll(rome.references());
            source += " + ROME job titles of " + romeDir;
        }
        return new SearchTitles(refs, source);
    }

    /**
     * Where the ROME export is: {@code PASSERELLE_ROME_DIR}, else {@code ../shared/data/rome} beside the
     * working folder (the shared data of this workplace); null when neither holds the job titles, and
     * search then knows the catalogue's names only.
     */
    public static Path romeDir() {
        String env = System.getenv("PASSERELLE_ROME_DIR");
        List<Path> candidates = new ArrayList<>();
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of("..", "shared", "data", "rome"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("referentiel_appellation.json"))
                    && Files.isRegularFile(p.resolve("referentiel_code_rome.json"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }
}
