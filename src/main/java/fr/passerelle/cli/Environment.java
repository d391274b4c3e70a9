package fr.passerelle.cli;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.Regions;
import fr.passerelle.graph.Database;
import fr.passerelle.graph.EmbeddedNeo4j;
import fr.passerelle.graph.Schema;
import fr.passerelle.ingest.Importer;
import fr.passerelle.ingest.Normaliser;
import fr.passerelle.privacy.HmacKey;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.recommend.StepService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The database, schema, catalogue and key a command works with; closing it stops the embedded database. */
final class Environment implements AutoCloseable {
    final EmbeddedNeo4j embedded;
    final Database db;
    final Catalogue catalogue;
    final HmacKey key;
    final Thresholds thresholds;
    final CommonOptions options;
    final Clock clock = Clock.systemUTC();

    private Environment(EmbeddedNeo4j embedded, Database db, Catalogue catalogue, HmacKey key, Thresholds thresholds, CommonOptions options) {
        this.embedded = embedded;
        this.db = db;
        this.catalogue = catalogue;
        this.key = key;
        this.thresholds = thresholds;
        this.options = options;
    }

    static Environment open(CommonOptions o) {
        Thresholds thresholds = new Thresholds(o.k, o.minDenominator);
        HmacKey key = HmacKey.load(o.keyFileOrDefault(), System.getenv(HmacKey.ENV), o.neo4jUri == null ? o.databaseDir() : null);
        Catalogue catalogue = o.catalogue == null ? Catalogue.bundled() : Catalogue.load(o.catalogue);
        EmbeddedNeo4j embedded = null;
        Database db;
        if (o.neo4jUri == null || o.neo4jUri.isBlank()) {
            embedded = EmbeddedNeo4j.start(o.databaseDir(), o.boltPort, o.pageCacheMb * 1024 * 1024);
            db = Database.connect(embedded.boltUri(), null, null, null, Duration.ofSeconds(30));
        } else {
            db = Database.connect(o.neo4jUri, o.neo4jUser, o.neo4jPassword, o.neo4jDatabase, Duration.ofSeconds(30));
        }
        try {
            Schema.apply(db);
            db.writeOne("import/catalogue-upsert", Map.of("steps", catalogue.asRows()));
        } catch (RuntimeException e) {
            db.close();
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        return new Environment(embedded, db, catalogue, key, thresholds, o);
    }

    Importer importer(int batchSize) {
        Normaliser normaliser = new Normaliser(catalogue, Regions.bundled(), key, options.regionLevel);
        return new Importer(db, normaliser, key.keyId(), batchSize, clock);
    }

    StepService steps() {
        return new StepService(db, thresholds, clock);
    }

    long people() {
        return db.read("queries/people-count", Map.of(), r -> r.get("people").asLong()).get(0);
    }

    String describe() {
        return embedded != null ? "embedded Neo4j in " + options.databaseDir().toAbsolutePath().normalize() + " (Bolt " + embedded.boltUri() + ")"
                : "external Neo4j at " + options.neo4jUri;
    }

    @Override
    public void close() {
        db.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
