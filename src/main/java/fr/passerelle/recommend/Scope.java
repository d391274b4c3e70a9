package fr.passerelle.recommend;

/**
 * The group an answer's figures are about: what was asked and the group actually used, and why when
 * they differ (a thin cell falling back to a wider group, as La Bonne Formation or College Scorecard
 * do, and say so).
 */
public record Scope(String asked, String used, String why) {
    static Scope asAsked(String asked) {
        return new Scope(asked, asked, null);
    }
}
