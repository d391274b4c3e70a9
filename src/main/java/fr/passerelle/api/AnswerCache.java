package fr.passerelle.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.publish.Publication;
import fr.passerelle.texts.AnswerTexts;
import fr.passerelle.texts.Texts;
import io.javalin.http.ContentType;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers of the current release, by request (path and query string). A release never changes once
 * published, so an answer stays right until the next one: the cache is emptied when the served
 * release's version changes. Only successful answers are kept; a bad request is validated every time.
 * Without a publication (tests driving the services directly) nothing is cached.
 *
 * <p>Every answer's sentences are in the language asked ({@link #language}; {@link AnswerTexts}).
 *
 * <p>For HTTP caches and apps: every answer carries an {@code ETag} naming the release (version and
 * publication time: the same bytes on every replica) and the language and {@code Cache-Control: no-cache}, so a
 * client revalidates each time and gets a 304 with no body until the next release.
 *
 * <p>An establishment's answers ({@link #forKeyHolders}) are kept in a cache of their own, after the key
 * check (a before-handler) has run: the answer to one path is the same for every holder of that
 * establishment's key. They go out {@code private, no-store}, without a validator, so that no shared
 * HTTP cache or browser history keeps them.
 */
final class AnswerCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ENTRIES = 100_000;
    private final Supplier<Publication> release;
    private final ConcurrentHashMap<String, String> answers = new ConcurrentHashMap<>();
    private volatile long version = Long.MIN_VALUE;
    private final boolean shared;

    AnswerCache(Supplier<Publication> release) {
        this(release, true);
    }

    private AnswerCache(Supplier<Publication> release, boolean shared) {
        this.release = release;
        this.shared = shared;
    }

    Supplier<Publication> release() {
        return release;
    }

    /** A separate cache for answers read with a key and meant for its holder only. */
    static AnswerCache forKeyHolders(Supplier<Publication> release) {
        return new AnswerCache(release, false);
    }

    Handler wrap(Handler handler) {
        return ctx -> {
            Texts.Language language = language(ctx);
            Publication p = release.get();
            if (p == null) {
                handler.handle(ctx);
                inLanguage(ctx, language);
                return;
            }
            if (p.version() != version) {
                synchronized (this) {
                    if (p.version() != version) {
                        answers.clear();
                        version = p.version();
                    }
                }
            }
            String key =
                    ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString()) + "#" + language.code();
            String etag =
                    "\"r" + p.version() + "-" + p.publishedAt().replaceAll("[^0-9]", "") + "-" + language.code() + "\"";
            String cached = answers.get(key);
            if (cached != null && !shared) {
                ctx.header("Cache-Control", "private, no-store");
                ctx.contentType(ContentType.APPLICATION_JSON).result(cached);
                return;
            }
            if (cached != null) {
                validators(ctx, etag);
                if (etag.equals(ctx.header("If-None-Match"))) {
                    ctx.status(304);
                    return;
                }
                ctx.contentType(ContentType.APPLICATION_JSON).result(cached);
                return;
            }
            handler.handle(ctx);
            inLanguage(ctx, language);
            if (ctx.statusCode() == 200 && shared) {
                validators(ctx, etag);
            }
            if (ctx.statusCode() == 200 && answers.size() < MAX_ENTRIES && p.version() == version) {
                String body = ctx.result();
                if (body != null) {
                    answers.put(key, body);
                }
            }
        };
    }

    /**
     * The language an answer's sentences are written in: {@code lang} (fr or en; anything else is a 400 naming
     * both), else the first of French and English in {@code Accept-Language}, else English, the language apps have
     * always read them in. The reasons' codes ("fewer than k", "denominator under 20", "filtered out") are the same
     * in both: apps match on them.
     */
    static Texts.Language language(io.javalin.http.Context ctx) {
        Texts.Language asked = Params.language(ctx);
        if (asked != null) {
            return asked;
        }
        return ofHeader(ctx.header("Accept-Language"));
    }

    /** The first of French and English an {@code Accept-Language} header names, else English. */
    static Texts.Language ofHeader(String header) {
        if (header != null && !header.isBlank()) {
            try {
                String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), List.of("fr", "en"));
                return Texts.Language.of(!"fr".equals(tag));
            } catch (IllegalArgumentException malformed) {
                return Texts.Language.EN;
            }
        }
        return Texts.Language.EN;
    }

    /** The answer's sentences put into {@code language} (a successful JSON answer only). */
    private static void inLanguage(io.javalin.http.Context ctx, Texts.Language language) throws Exception {
        String body = ctx.result();
        if (ctx.statusCode() != 200 || body == null || !body.startsWith("{")) {
            return;
        }
        ctx.result(JSON.writeValueAsString(AnswerTexts.standard().translateAll(JSON.readTree(body), language)));
    }

    /** The release's validator: fixed bytes per release, so "no-cache" costs a 304 until the next one. */
    private static void validators(io.javalin.http.Context ctx, String etag) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept-Language");
    }
}
