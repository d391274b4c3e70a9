package fr.passerelle.collect;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A profile's URL as Passerelle keys it: the collector and a person's opposition must land on the
 * same pseudonym whatever way the URL was written (case of the host, default port, trailing slash,
 * fragment, tracking parameters).
 */
public final class ProfileUrl {
    private static final Set<String> TRACKING =
            Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src");

    private ProfileUrl() {}

    /** The canonical form, or null when {@code text} is not an http(s) URL with a host. */
    public static String canonical(String text) {
        if (text == null || text.isBlank() || text.length() > 2000) {
            return null;
        }
        try {
            return canonical(URI.create(text.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String canonical(URI url) {
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
            return null;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort =
                port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> kept = new ArrayList<>();
        if (url.getRawQuery() != null) {
            for (String param : url.getRawQuery().split("&")) {
                String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (!param.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                    kept.add(param);
                }
            }
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }
}
