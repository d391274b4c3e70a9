package fr.passerelle.analyst;

import fr.passerelle.graph.EmbeddedNeo4j;
import fr.passerelle.publish.Publication;
import fr.passerelle.publish.ReleaseStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.server.configuration.ServerSettings;

/**
 * The analysts' Neo4j: a second in-process instance holding only a publication, read-only, with
 * authentication on and one account, and Neo4j Browser on its HTTP port. On Neo4j Community there
 * are no roles, so the separation is physical: this instance never sees a person, a pseudonym or the
 * do-not-collect list, and no write reaches it. Each publication gets a freshly built store, which the next start
 * serves again when the release and the password are the same; the switch stops the old instance and starts the new
 * one on the same ports.
 */
public final class AnalystNeo4j implements AutoCloseable {
    public static final String USER = "analyst";

    /** Where and how analysts reach it; ports 0 pick free ones. */
    public record Settings(
            Path home, String host, int boltPort, int httpPort, String password, long pageCacheBytes, String guideUrl) {
        public Settings {
            if (password == null || password.length() < 8) {
                throw new IllegalArgumentException("the analysts' password needs at least 8 characters");
            }
        }
    }

    private final Settings settings;
    private DatabaseManagementService service;
    private Publication publication;
    private Path store;
    private int boltPort;
    private int httpPort;

    private AnalystNeo4j(Settings settings) {
        this.settings = settings;
    }

    /** Builds a store from {@code publication} and starts it read-only. */
    public static AnalystNeo4j start(Publication publication, Settings settings) {
        AnalystNeo4j analysts = new AnalystNeo4j(settings);
        analysts.boltPort = settings.boltPort() == 0 ? EmbeddedNeo4j.freePort() : settings.boltPort();
        analysts.httpPort = settings.httpPort() == 0 ? EmbeddedNeo4j.freePort() : settings.httpPort();
        analysts.switchTo(publication);
        return analysts;
    }

    /** Serves {@code next} instead of the current publication (no-op when it is the same version). */
    public synchronized void switchTo(Publication next) {
        if (publication != null
                && publication.version() == next.version()
                && publication.dir().equals(next.dir())) {
            return;
        }
        // The store the last start left for this release and password, else a new one.
        Path built = ReleaseStore.built(next, settings.home(), USER, settings.password())
                .orElseGet(() -> build(next));
        if (service != null) {
            service.shutdown();
        }
        service = open(built, true).build();
        store = built;
        publication = next;
        // The previous release's store, and any a killed or older process left (one per start, before: they piled up).
        ReleaseStore.removeOthers(settings.home(), built);
    }

    /**
     * Neo4j Browser's Content-Security-Policy: its own files, Bolt over WebSocket to this instance and
     * the guide from Passerelle's server, nothing else. Browser's default policy lets it load Google
     * fonts, Segment analytics and Canny: an analyst's browser would tell third parties it was there.
     */
    String browserPolicy() {
        java.util.Set<String> hosts = new java.util.LinkedHashSet<>(List.of(settings.host(), "localhost", "127.0.0.1"));
        StringBuilder connect = new StringBuilder("'self'");
        for (String h : hosts) {
            connect.append(" ws://")
                    .append(h)
                    .append(':')
                    .append(boltPort)
                    .append(" http://")
                    .append(h)
                    .append(':')
                    .append(httpPort);
        }
        if (settings.guideUrl() != null) {
            URI guide = URI.create(settings.guideUrl());
            for (String h : hosts) {
                connect.append(' ')
                        .append(guide.getScheme())
                        .append("://")
                        .append(h)
                        .append(':')
                        .append(guide.getPort());
            }
        }
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "base-uri 'none'",
                "object-src 'none'",
                "frame-ancestors 'none'",
                "form-action 'self'",
                "connect-src " + connect);
    }

    public synchronized Publication publication() {
        return publication;
    }

    public String boltUri() {
        return "bolt://" + settings.host() + ":" + boltPort;
    }

    /**
     * The URL analysts open. With {@code cmd=guide}, Browser opens the Passerelle guide first and skips
     * its own start page (generic movie-database content).
     */
    public String browserUrl() {
        String url = "http://" + settings.host() + ":" + httpPort + "/browser/?connectURL=" + boltUri() + "&dbms="
                + boltUri();
        if (settings.guideUrl() != null) {
            url += "&cmd=guide&arg="
                    + java.net.URLEncoder.encode(settings.guideUrl(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return url;
    }

    public int httpPort() {
        return httpPort;
    }

    public int boltPort() {
        return boltPort;
    }

    @Override
    public synchronized void close() {
        if (service != null) {
            service.shutdown();
            service = null;
        }
    }

    /** A new store holding only the release, with the analysts' account ({@link ReleaseStore#build}). */
    private Path build(Publication next) {
        return ReleaseStore.build(next, settings.home(), USER, settings.password());
    }

    private DatabaseManagementServiceBuilder open(Path home, boolean serve) {
        DatabaseManagementServiceBuilder builder = serve
                ? ReleaseStore.forReaders(home, settings.pageCacheBytes())
                : ReleaseStore.configure(home, settings.pageCacheBytes());
        if (serve) {
            String host = settings.host();
            fr.passerelle.graph.Neo4jConfig.bolt(builder, host, boltPort)
                    .setConfig(HttpConnector.enabled, true)
                    .setConfig(HttpConnector.listen_address, new SocketAddress(host, httpPort))
                    .setConfig(HttpConnector.advertised_address, new SocketAddress(host, httpPort))
                    .setConfig(ServerSettings.allow_telemetry, false)
                    // Browser fetches guides only from these host names (any port).
                    .setConfig(
                            ServerSettings.browser_remote_content_hostname_whitelist,
                            String.join(",", List.of("localhost", "127.0.0.1", host)));
            if (settings.guideUrl() != null) {
                builder.setConfig(ServerSettings.browser_post_connect_cmd, "guide " + settings.guideUrl());
            }
            builder.setConfig(ServerSettings.http_static_content_security_policy, browserPolicy());
        }
        return builder;
    }
}
