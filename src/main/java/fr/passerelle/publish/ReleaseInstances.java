package fr.passerelle.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's running release instances ({@link ReleaseInstance}): one is taken for each release the API serves
 * and given back when the API has moved on; given back, it is cleared in the background and kept for the next
 * release, already warm. At most {@link #MAX_IDLE} wait per page-cache size; the others are stopped.
 *
 * <p>They live in one folder per process under {@code java.io.tmpdir} (owner only), removed at exit; folders left by
 * a killed process are removed by the next one.
 */
public final class ReleaseInstances {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseInstances.class);
    private static final String PREFIX = "passerelle-release-instances-";
    /** Enough for a server's switch (the old instance serves its grace period while the new one loads) and more. */
    static final int MAX_IDLE = 2;

    private static Path dir;
    private static boolean closing;
    private static final List<ReleaseInstance> running = new ArrayList<>();
    private static final Map<Long, Deque<CompletableFuture<ReleaseInstance>>> idle = new HashMap<>();
    private static final ExecutorService clearer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "release-instance-clearer");
        t.setDaemon(true);
        return t;
    });

    private ReleaseInstances() {}

    /** An empty instance with this page cache: a waiting one (once cleared), else a new one. */
    static ReleaseInstance take(long pageCacheBytes) {
        while (true) {
            CompletableFuture<ReleaseInstance> waiting;
            synchronized (ReleaseInstances.class) {
                if (closing) {
                    throw new IllegalStateException("the process is stopping: no new release instance");
                }
                waiting = idle.computeIfAbsent(pageCacheBytes, k -> new ArrayDeque<>())
                        .pollFirst();
            }
            if (waiting == null) {
                if (fr.passerelle.graph.Database.PROFILE_ENABLED) {
                    System.err.println("release instance: new");
                }
                return startNew(pageCacheBytes);
            }
            try {
                ReleaseInstance ready = waiting.join();
                if (fr.passerelle.graph.Database.PROFILE_ENABLED) {
                    System.err.println("release instance: reused");
                }
                return ready;
            } catch (RuntimeException clearingFailed) {
                // Stopped by the clearer (logged there): try the next one.
            }
        }
    }

    /**
     * Gives {@code instance} back once nothing reads it: cleared in the background, then waiting for the next release
     * (or stopped when enough wait already).
     */
    static void giveBack(ReleaseInstance instance) {
        synchronized (ReleaseInstances.class) {
            Deque<CompletableFuture<ReleaseInstance>> waiting =
                    idle.computeIfAbsent(instance.pageCacheBytes(), k -> new ArrayDeque<>());
            if (!closing && waiting.size() < MAX_IDLE) {
                waiting.addLast(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                instance.clear();
                                return instance;
                            } catch (RuntimeException e) {
                                LOG.warn("A release instance could not be cleared; it is stopped: {}", e.getMessage());
                                stop(instance);
                                throw e;
                            }
                        },
                        clearer));
                return;
            }
        }
        stop(instance);
    }

    /** Stops an instance whose state is unknown (a load that failed halfway). */
    static void stop(ReleaseInstance instance) {
        synchronized (ReleaseInstances.class) {
            running.remove(instance);
        }
        instance.stop();
    }

    private static ReleaseInstance startNew(long pageCacheBytes) {
        Path home;
        synchronized (ReleaseInstances.class) {
            if (dir == null) {
                dir = createDir();
                Runtime.getRuntime().addShutdownHook(new Thread(ReleaseInstances::stopAll, "release-instances-stop"));
            }
            home = dir.resolve("instance-" + System.nanoTime());
        }
        ReleaseInstance instance = ReleaseInstance.start(home, pageCacheBytes);
        synchronized (ReleaseInstances.class) {
            running.add(instance);
        }
        return instance;
    }

    private static Path createDir() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(tmp);
        try {
            // Owner-only (createTempDirectory's default on POSIX): the API's instance holds institutions' private part.
            Path created = Files.createTempDirectory(tmp, PREFIX);
            Files.writeString(
                    created.resolve("pid"),
                    Long.toString(ProcessHandle.current().pid()),
                    StandardCharsets.UTF_8);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for release instances in " + tmp, e);
        }
    }

    /** Folders of processes that no longer run (killed before their exit hook): release data nobody serves. */
    private static void removeLeftovers(Path tmp) {
        try (var folders = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path folder : folders) {
                Path pid = folder.resolve("pid");
                if (!Files.isRegularFile(pid)) {
                    continue;
                }
                String text = Files.readString(pid, StandardCharsets.UTF_8).strip();
                if (text.matches("[0-9]{1,19}")
                        && ProcessHandle.of(Long.parseLong(text)).isEmpty()) {
                    fr.passerelle.files.Folders.deleteTree(folder);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove release instances left in {} by a stopped process: {}", tmp, e.getMessage());
        }
    }

    private static void stopAll() {
        List<ReleaseInstance> all;
        Path folder;
        synchronized (ReleaseInstances.class) {
            closing = true;
            all = new ArrayList<>(running);
            running.clear();
            folder = dir;
        }
        // Side by side: each takes 0.3-0.6 s to shut down.
        all.parallelStream().forEach(i -> {
            try {
                i.stop();
            } catch (RuntimeException e) {
                // The process is ending: what is left is removed with the folder below.
            }
        });
        if (folder != null) {
            try {
                fr.passerelle.files.Folders.deleteTree(folder);
            } catch (RuntimeException e) {
                // A folder that cannot be removed now is removed by the next process.
            }
        }
    }
}
