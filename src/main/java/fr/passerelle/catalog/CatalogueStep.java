package fr.passerelle.catalog;

/**
 * One step of the catalogue.
 *
 * @param code unique across kinds: a ROME code for a job, a project code for a diploma
 * @param kind education, job or other
 * @param domain ROME "grand domaine" letter (A..N) of the field, empty for general education
 * @param field ROME professional domain (3 characters), empty when not applicable
 * @param level European qualification level of a diploma (3 = CAP ... 8 = doctorate), 0 when not applicable
 * @param typicalMonths usual length of a programme, 0 when not applicable
 * @param aliases everyday names people type for the step ("infirmière", "bts sio", "prépa HEC"), used by
 *     search only: the official label stays the step's name
 * @param targets for an education step, the jobs its certification prepares for ({@link TargetJobs#NONE} when
 *     none is known)
 */
public record CatalogueStep(
        String code,
        StepKind kind,
        String label,
        String domain,
        String field,
        int level,
        int typicalMonths,
        java.util.List<String> aliases,
        TargetJobs targets) {
    public CatalogueStep {
        aliases = java.util.List.copyOf(aliases);
        targets = targets == null ? TargetJobs.NONE : targets;
    }

    public CatalogueStep(
            String code,
            StepKind kind,
            String label,
            String domain,
            String field,
            int level,
            int typicalMonths,
            java.util.List<String> aliases) {
        this(code, kind, label, domain, field, level, typicalMonths, aliases, TargetJobs.NONE);
    }

    public CatalogueStep(
            String code, StepKind kind, String label, String domain, String field, int level, int typicalMonths) {
        this(code, kind, label, domain, field, level, typicalMonths, java.util.List.of());
    }

    /** What the store's {@code search} property holds: label, code and everyday names, folded. */
    public String searchText() {
        return Folding.fold(label + " " + code + " " + String.join(" ", aliases));
    }

    /** The step as CSV fields, in the catalogue file's order (an unknown level or length is empty). */
    public java.util.List<Object> csvFields() {
        return java.util.List.of(
                code,
                kind.code(),
                label,
                domain,
                field,
                level == 0 ? "" : level,
                typicalMonths == 0 ? "" : typicalMonths);
    }
}
