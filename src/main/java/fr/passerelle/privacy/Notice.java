package fr.passerelle.privacy;

import fr.passerelle.texts.Texts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The information notice of GDPR Art. 14 (data not obtained from the person), as a page: people
 * whose public profile or institutional record may be in Passerelle cannot each be told, so the
 * notice is published and partners link to it. Filled from the processing register's live values
 * (controller, sources, retention, thresholds, the release method) so it never drifts from the
 * system; the wording is in {@code texts/notice.<fr|en>.html}.
 */
public final class Notice {
    private Notice() {}

    /** The notice as an HTML page, French or English, from {@link Register#describe}. */
    public static String html(Map<String, Object> register, boolean english) {
        Map<String, Object> scope = new LinkedHashMap<>(register);
        Object contact = register.get("dpoContact");
        if (contact != null) {
            scope.put("dpoHref", href(String.valueOf(contact)));
        }
        return Texts.html("notice", Texts.Language.of(english), scope);
    }

    /** A link to the DPO only for a mail address or a web address: anything else is shown as text. */
    private static String href(String contact) {
        String href = contact.contains("@") && !contact.startsWith("mailto:") ? "mailto:" + contact : contact;
        boolean safe = href.startsWith("mailto:") || href.startsWith("https://") || href.startsWith("http://");
        return safe ? href : null;
    }

    /**
     * The short notice partners show on their own pages (an orientation app, a school's site): what
     * Passerelle does in two sentences and the two links, absolute to this server. As an HTML snippet
     * to paste, and as a page to put in an iframe.
     */
    public static String snippet(String base, boolean english, int k) {
        return Texts.html("notice-snippet", Texts.Language.of(english), Map.of("base", base, "k", k));
    }

    /** The snippet as a page of its own, for an iframe on a partner's site. */
    public static String embedPage(String base, boolean english, int k) {
        return Texts.html("notice-embed", Texts.Language.of(english), Map.of("base", base, "k", k));
    }
}
