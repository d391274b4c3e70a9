package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.recommend.Services;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many small random populations; for each, every endpoint with every filter combination over every
 * step involved is queried over HTTP, and every answer is checked:
 * <ul>
 *   <li>no count below k anywhere (any number in a field named like "people");</li>
 *   <li>shares only with a denominator of at least the minimum;</li>
 *   <li>a question outside the release's catalogue is a 400 that says so, never a fresh count;</li>
 *   <li>the same query twice gives the same answer but for the generation time (no averaging attack);</li>
 *   <li>parts never above their whole: destinations and origins within the leavers and arrivals, shares
 *       of a list summing to at most 100%, situations within the cohort, reconversion routes within
 *       their total, an observed route within its first hop.</li>
 * </ul>
 */
class PrivacyPropertyTest {
    static final List<String> STEPS = List.of(
            "BAC-STMG",
            "BAC-PRO-MCV",
            "BTS-MCO",
            "BTS-NDRC",
            "BTS-CG",
            "LIC-PRO-COMMERCE",
            "D1301",
            "D1502",
            "D1505",
            "M1203",
            "TP-DWWM",
            "M1805",
            "N1103");
    static final String[] REGIONS = {"11", "84", "93"};

    /** Establishments of the education steps: two common, one rare (its cells are mostly under k). */
    static final List<String> INSTITUTIONS = List.of(
            fr.passerelle.catalog.Uai.withCheckLetter("0350101"),
            fr.passerelle.catalog.Uai.withCheckLetter("0350102"),
            fr.passerelle.catalog.Uai.withCheckLetter("0350103"));

    @TempDir
    Path dir;

    @Test
    void noAnswerEverRevealsFewerThanKPeople() throws Exception {
        SplittableRandom random = new SplittableRandom(20261128);
        int checked = 0;
        for (int population = 0; population < 4; population++) {
            Database db = TestNeo4j.reset();
            List<String> lines = new ArrayList<>();
            int people = 40 + random.nextInt(120);
            for (int i = 0; i < people; i++) {
                lines.add(randomPerson(random, i));
            }
            Fixtures.importer(db, 64)
                    .importFiles(List.of(Fixtures.write(dir, "p" + population + ".jsonl", lines)), false, n -> {});
            Thresholds thresholds = new Thresholds(5 + random.nextInt(10), 20);
            fr.passerelle.publish.Publication publication = new fr.passerelle.publish.Publisher(
                            db,
                            thresholds,
                            fr.passerelle.privacy.PerturbationTable.defaults(thresholds.k()),
                            Fixtures.RECORD_KEYS,
                            Fixtures.CLOCK)
                    .publish(dir.resolve("published-" + population));
            try (fr.passerelle.publish.ReleaseApi release =
                    fr.passerelle.publish.ReleaseApi.start(16L << 20, publication)) {
                // One institution key reading the three establishments: it reads the public answers too.
                ApiKeys keys = ApiKeys.load(dir.resolve("keys-" + population).resolve("api-keys.csv"));
                String key = keys.create("establishments", ApiKeys.Role.INSTITUTION, 0, INSTITUTIONS, Fixtures.CLOCK);
                Javalin app = ApiServer.create(
                                Services.over(release.database(), thresholds, Fixtures.CLOCK, Fixtures.REGISTER),
                                ApiServer.Options.defaults().withAccess(null, keys, false, 0),
                                new ArrayList<>())
                        .start("127.0.0.1", 0);
                try {
                    ApiClient api = new ApiClient(app, key);
                    checked += ApiClient.askAll(queries(random), path -> checkOne(api, thresholds, path)).stream()
                            .mapToInt(Integer::intValue)
                            .sum();
                } finally {
                    app.stop();
                }
            }
        }
        assertTrue(checked > 900, "checked " + checked + " answers");
    }

    /** Asks {@code path} twice and checks the answer; 1 when it was a 200 checked, 0 for an explained 400. */
    private static int checkOne(ApiClient api, Thresholds thresholds, String path) throws Exception {
        var response = api.get(path);
        JsonNode answer = ApiClient.JSON.readTree(response.body());
        if (response.statusCode() == 400) {
            assertTrue(
                    answer.has("error")
                            && (answer.has("allowed")
                                    || answer.get("error").asText().equals("not in the release")),
                    path + ": " + answer);
            return 0;
        }
        assertEquals(200, response.statusCode(), path + ": " + answer);
        check(answer, thresholds, path, "");
        partsWithinWhole(answer, path);
        assertEquals(withoutTime(answer), withoutTime(api.json(path, 200)), "same query, same answer: " + path);
        return 1;
    }

    private static String randomPerson(SplittableRandom random, int i) {
        int length = 1 + random.nextInt(4);
        int year = 2010 + random.nextInt(8);
        List<String> steps = new ArrayList<>();
        String previous = null;
        for (int s = 0; s < length; s++) {
            // A few popular steps and a long tail, so that some cells are just under or over k.
            String step =
                    random.nextDouble() < 0.6 ? STEPS.get(random.nextInt(5)) : STEPS.get(random.nextInt(STEPS.size()));
            if (step.equals(previous)) {
                continue;
            }
            previous = step;
            String kind = step.matches("[A-N]\\d{4}") ? "job" : "education";
            // Most steps end (the outcome and fit tables count leavers N months after an end), some run on.
            String end = s + 1 < length || random.nextBoolean() ? ",\"end\":\"" + (year + 2 * s + 1) + "-06\"" : "";
            steps.add("{\"kind\":\"" + kind + "\",\"code\":\"" + step + "\",\"start\":\"" + (year + 2 * s) + "-09\""
                    + end
                    // Some regions are not collected: the regional tables count them as a class of their own.
                    + (random.nextInt(6) == 0 ? "" : ",\"region\":\"" + REGIONS[random.nextInt(REGIONS.length)] + "\"")
                    // Most education steps name their establishment (the private part's tables).
                    + (kind.equals("education") && random.nextInt(4) > 0
                            ? ",\"institution\":\"" + INSTITUTIONS.get(random.nextInt(7) / 3) + "\""
                            : "")
                    + "}");
        }
        return "{\"source\":\"test\",\"id\":\"p" + i + "\",\"steps\":[" + String.join(",", steps) + "]}";
    }

    private static List<String> queries(SplittableRandom random) {
        List<String> paths = new ArrayList<>();
        for (String step : STEPS) {
            paths.add("/api/steps/" + step);
            paths.add("/api/steps/" + step + "/next");
            paths.add("/api/steps/" + step + "/previous");
            paths.add("/api/steps/" + step + "/similar");
            paths.add("/api/steps/" + step + "/outcomes?months=6,12,24,36");
            paths.add("/api/steps/" + step + "/outcomes?months=" + (random.nextBoolean() ? "6,12" : "24,36")
                    + "&by=cohort");
            for (int months : List.of(6, 12, 24, 36)) {
                paths.add("/api/steps/" + step + "/fit?months=" + months);
            }
            paths.add("/api/steps/" + step + "/fit/jobs?months=" + (random.nextBoolean() ? 6 : 12));
            paths.add(
                    "/api/steps/" + step + "/fork?months=" + List.of(12, 24, 36).get(random.nextInt(3)));
            paths.add(
                    "/api/steps/" + step + "/fork?months=" + List.of(12, 24, 36).get(random.nextInt(3)) + "&since="
                            + List.of(0, 6, 12, 24, 36, 60, 120).get(random.nextInt(7)));
            paths.add("/api/steps/" + step + "/fork?months="
                    + List.of(12, 24, 36).get(random.nextInt(3)) + "&after=" + STEPS.get(random.nextInt(STEPS.size())));
            List<String> jobs =
                    STEPS.stream().filter(x -> x.matches("[A-N]\\d{4}")).toList();
            String job = jobs.get(random.nextInt(jobs.size()));
            paths.add("/api/reach?from=" + step + "&to=" + (random.nextBoolean() ? job : job.substring(0, 1)));
            paths.add("/api/steps/" + step + "/benchmark?months=" + (random.nextBoolean() ? 12 : 24));
            paths.add("/api/steps/" + step + "/mobility?months=" + (random.nextBoolean() ? 6 : 12));
            paths.add("/api/steps/" + step + "/outcomes?months=6,12,24,36&region="
                    + (random.nextInt(4) == 0 ? "unknown" : REGIONS[random.nextInt(REGIONS.length)]));
            for (String kind : new String[] {"job", "education"}) {
                paths.add("/api/steps/" + step + "/next?kind=" + kind);
                paths.add("/api/steps/" + step + "/previous?kind=" + kind);
            }
            for (String region : REGIONS) {
                paths.add("/api/steps/" + step + "/next?region=" + region);
                paths.add("/api/steps/" + step + "/next?region=" + region + "&from=2011&to=2014");
            }
            paths.add("/api/steps/" + step + "/next?from=" + (2010 + random.nextInt(8)));
            paths.add("/api/steps/" + step + "/next?period=" + (random.nextBoolean() ? "2010-2014" : "2015-2019"));
            paths.add("/api/steps/" + step + "/next?since=" + random.nextInt(160));
            paths.add("/api/steps/" + step + "/next?after=" + STEPS.get(random.nextInt(5)));
            paths.add("/api/steps/" + step + "/next?after=" + STEPS.get(random.nextInt(5)) + ","
                    + STEPS.get(random.nextInt(5)) + "&region=11");
            if (step.matches("[A-N]\\d{4}")) {
                paths.add("/api/steps/" + step + "/reconversions?maxSteps=3");
            }
            for (String other : STEPS) {
                if (!other.equals(step) && random.nextDouble() < 0.3) {
                    paths.add("/api/routes?from=" + step + "&to=" + other + "&maxSteps=4&limit=10");
                    paths.add("/api/bridges?from=" + step + "&to=" + other);
                }
            }
            paths.add("/api/bridges?from=" + step + "&toDomain=D");
            paths.add("/api/bridges?from=" + step + "&toDomain=M");
        }
        for (String region : REGIONS) {
            paths.add("/api/regions/" + region);
            paths.add("/api/regions/" + region + "/flows?level="
                    + List.of(0, 3, 4, 5, 6, 7).get(random.nextInt(6)));
        }
        for (String uai : INSTITUTIONS) {
            paths.add("/api/institutions/" + uai + "/programmes");
            paths.add("/api/institutions/" + uai + "/coverage");
            for (String step : STEPS) {
                if (!step.matches("[A-N]\\d{4}")) {
                    paths.add("/api/institutions/" + uai + "/steps/" + step + "/next");
                    paths.add("/api/institutions/" + uai + "/steps/" + step + "/fit?months="
                            + (6 + 6 * (step.length() % 2)));
                    paths.add("/api/institutions/" + uai + "/steps/" + step + "/outcomes?months=6,12,24,36");
                }
            }
        }
        paths.add("/api/steps?q=bts&limit=50");
        paths.add("/api/steps?q=e&limit=50");
        return paths;
    }

    /** Every number in a field whose name says it counts people is null or at least k. */
    static void check(JsonNode node, Thresholds thresholds, String path, String field) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                check(e.getValue(), thresholds, path, e.getKey());
            }
            // (A "reasons" object has "share" and "people" keys too: sentences, not figures.)
            if (node.path("share").isObject()
                    && node.path("people").isNumber()
                    && node.get("share").get("value").asDouble() > 0) {
                double denominator = node.get("people").asDouble()
                        / node.get("share").get("value").asDouble();
                if (denominator < thresholds.minDenominator() - 0.5) {
                    fail(path + ": a share on a denominator of about " + denominator);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> check(child, thresholds, path, field));
        } else if (node.isNumber()
                && (field.toLowerCase().contains("people") || field.equals("inJob"))
                && node.asLong() < thresholds.k()) {
            fail(path + ": " + field + " = " + node.asLong() + " is below k = " + thresholds.k());
        }
    }

    /** Every list of released parts adds up to at most its released whole. */
    static void partsWithinWhole(JsonNode answer, String path) {
        within(answer.path("next"), "people", answer.path("peopleLeaving"), path + " next");
        within(answer.path("previous"), "people", answer.path("peopleArriving"), path + " previous");
        shares(answer.path("next"), path);
        answer.path("outcomes").forEach(at -> within(at.path("situations"), "people", at.path("people"), path));
        answer.path("cohorts").forEach(c -> within(c.path("situations"), "people", c.path("people"), path + " cohort"));
        // How likely, how long: at each horizon the people reaching the target within those observed that long.
        answer.path("horizons")
                .forEach(h -> assertTrue(
                        !h.path("peopleReached").isNumber()
                                || h.get("peopleReached").asLong()
                                        <= h.path("peopleObserved").asLong(),
                        path + ": more people reaching it than observed: " + h));
        // The carrefour: each road's situations within its people, their shares within 100%.
        answer.path("roads").forEach(r -> {
            within(
                    r.path("situations"),
                    "people",
                    r.path("people"),
                    path + " road " + r.path("id").asText());
            shares(r.path("situations"), path + " road " + r.path("id").asText());
        });
        // An establishment's fit: the classes of job within its people in a job.
        answer.path("cohorts")
                .forEach(c -> within(c.path("situations"), "people", c.path("inJob"), path + " in a job"));
        // The fit: situations within the cohort, situations outside study within the people outside study, and those
        // within the cohort; the jobs listed within the cohort.
        within(answer.path("situations"), "people", answer.path("people"), path + " fit situations");
        if (answer.has("peopleOutsideStudy")) {
            List<JsonNode> outside = new ArrayList<>();
            answer.path("situations").forEach(x -> {
                if (!x.path("situation").asText().equals("study")) {
                    outside.add(x);
                }
            });
            within(ApiClient.JSON.valueToTree(outside), "people", answer.path("peopleOutsideStudy"), path + " outside");
            if (answer.path("peopleOutsideStudy").isNumber()
                    && answer.path("people").isNumber()) {
                assertTrue(
                        answer.get("peopleOutsideStudy").asLong()
                                <= answer.get("people").asLong(),
                        path + ": more people outside study than in the cohort");
            }
        }
        // Mobility: the three classes within the people working, the destinations within "other region".
        answer.path("regions").forEach(r -> {
            List<JsonNode> classes = new ArrayList<>();
            for (String c : List.of("sameRegion", "otherRegion", "regionUnknown")) {
                if (r.path(c).isObject()) {
                    classes.add(r.get(c));
                }
            }
            within(ApiClient.JSON.valueToTree(classes), "people", r.path("peopleWorking"), path + " mobility");
            within(r.path("destinations"), "people", r.path("otherRegion").path("people"), path + " destinations");
        });
        // A region's first jobs: the three classes within the people, the other regions within "other region".
        for (String side : List.of("trainedHere", "workingHere", "firstJobsTrainedHere", "firstJobsWorkingHere")) {
            JsonNode f = answer.path(side);
            if (f.isObject()) {
                List<JsonNode> classes = new ArrayList<>();
                for (String c : List.of("sameRegion", "otherRegion", "regionUnknown")) {
                    if (f.path(c).isObject()) {
                        classes.add(f.get(c));
                    }
                }
                within(ApiClient.JSON.valueToTree(classes), "people", f.path("people"), path + " " + side);
                within(f.path("regions"), "people", f.path("otherRegion").path("people"), path + " " + side);
            }
        }
        // A region's levels: each one's situations within its leavers, in the region and in the nation.
        answer.path("levels").forEach(l -> {
            for (String where : List.of("region", "nation")) {
                List<JsonNode> parts = new ArrayList<>();
                for (String situation : List.of("job", "study", "other")) {
                    if (l.path(where).path(situation).isObject()) {
                        parts.add(l.path(where).get(situation));
                    }
                }
                within(
                        ApiClient.JSON.valueToTree(parts),
                        "people",
                        l.path(where).path("people"),
                        path + " levels");
            }
        });
        // The benchmark: each group's situations within its people.
        if (answer.has("families")) {
            List<JsonNode> groups = new ArrayList<>();
            groups.add(answer.path("self"));
            answer.path("families").forEach(groups::add);
            answer.path("similar").forEach(groups::add);
            for (JsonNode g : groups) {
                List<JsonNode> parts = new ArrayList<>();
                for (String situation : List.of("job", "study", "other")) {
                    if (g.path(situation).isObject()) {
                        parts.add(g.get(situation));
                    }
                }
                within(ApiClient.JSON.valueToTree(parts), "people", g.path("people"), path + " " + g.path("name"));
            }
        }
        if (answer.has("targetsObserved")) {
            List<JsonNode> held = new ArrayList<>();
            answer.path("targetsObserved").forEach(held::add);
            answer.path("otherJobs").forEach(held::add);
            within(ApiClient.JSON.valueToTree(held), "people", answer.path("people"), path + " jobs held");
        }
        answer.path("changes").forEach(change -> within(change.path("via"), "people", change.path("people"), path));
        for (String list : List.of("observed", "composed")) {
            answer.path(list).forEach(route -> {
                JsonNode first = route.path("hops").path(0).path("people");
                if (route.path("people").isNumber() && first.isNumber()) {
                    assertTrue(
                            route.get("people").asLong() <= first.asLong(),
                            path + ": a route of " + route.get("people") + " people above its first hop's " + first);
                }
            });
        }
        if (answer.path("hiddenPeople").isNumber()) {
            assertTrue(answer.get("hiddenPeople").asLong() >= 0, path + ": negative hidden people");
        }
    }

    private static void within(JsonNode parts, String field, JsonNode whole, String path) {
        if (!parts.isArray() || parts.isEmpty() || !whole.isNumber()) {
            return;
        }
        long sum = 0;
        for (JsonNode part : parts) {
            sum += part.path(field).asLong();
        }
        assertTrue(sum <= whole.asLong(), path + ": parts add up to " + sum + ", above their whole " + whole);
    }

    private static void shares(JsonNode items, String path) {
        double sum = 0;
        for (JsonNode item : items) {
            if (item.path("share").isObject()) {
                double value = item.get("share").get("value").asDouble();
                assertTrue(value <= 1.0, path + ": a share above 100%");
                sum += value;
            }
        }
        // Each share is rounded to 4 decimals: a list of n adds up to at most 1 + n / 20,000.
        assertTrue(sum <= 1.0 + items.size() / 20_000.0 + 1e-9, path + ": shares add up to " + sum);
    }

    private static String withoutTime(JsonNode node) {
        return node.toString().replaceAll("\"generatedAt\":\"[^\"]*\"", "");
    }
}
