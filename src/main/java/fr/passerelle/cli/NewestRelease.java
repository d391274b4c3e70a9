package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.app.RunningServer;
import fr.passerelle.app.Settings;
import fr.passerelle.graph.Database;
import fr.passerelle.publish.Publication;
import fr.passerelle.publish.ReleaseApi;
import java.io.IOException;
import java.util.Optional;

/**
 * The release a read-only command reads on a home: the newest on disk (what the API serves), loaded in a throwaway
 * read-only store, so it runs beside a server; with none yet, the first one published from the person store.
 */
final class NewestRelease {
    private NewestRelease() {}

    /** What a command does with the release: {@code which} says where it came from, for its report. */
    interface Reader<T> {
        T read(Database release, String which) throws IOException;
    }

    static <T> T read(Settings settings, Optional<RunningServer> server, Reader<T> reader) throws IOException {
        Optional<Publication> newest = Publication.newest(settings.publishedDir());
        if (newest.isEmpty() && server.isPresent()) {
            throw new IllegalStateException("the server running on this home (pid "
                    + server.get().pid() + ") has no release yet: wait for its first release");
        }
        if (newest.isPresent()) {
            try (ReleaseApi release = ReleaseApi.start(Settings.RELEASE_PAGE_CACHE_BYTES, newest.get())) {
                return reader.read(release.database(), "newest on disk");
            }
        }
        try (Environment env = Environment.open(settings);
                ReleaseApi release = env.releaseApi()) {
            return reader.read(release.database(), "just published");
        }
    }
}
