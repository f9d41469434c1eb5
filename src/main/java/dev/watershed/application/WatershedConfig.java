package dev.watershed.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every {@code watershed.*} setting, with its default. The README's configuration table mirrors this. */
@ConfigMapping(prefix = "watershed")
public interface WatershedConfig {

    /** Directory for the embedded database and the first-start admin token file. */
    @WithDefault("./data")
    String dataDir();

    Auth auth();

    Limits limits();

    Examples examples();

    Graph graph();

    interface Auth {

        /** Whether reads work without a token. */
        @WithDefault("true")
        boolean anonymousRead();

        /** A secret accepted as an admin token; from the environment (WATERSHED_AUTH_BOOTSTRAP_TOKEN) only. */
        Optional<String> bootstrapToken();
    }

    interface Limits {

        /** Largest request body accepted, in bytes, except streamed validation batches. */
        @WithDefault("16777216")
        long maxBodyBytes();

        /** Deepest nesting of JSON values in a schema. */
        @WithDefault("100")
        int maxSchemaDepth();

        /** Largest page a list endpoint returns. */
        @WithDefault("500")
        int maxPageSize();
    }

    interface Examples {

        /**
         * Load the example estate on start when the database holds no assets. Unset: only on the embedded H2
         * database, never on an external one.
         */
        Optional<Boolean> load();

        /** Directory of contract files to load. */
        @WithDefault("contracts")
        String directory();
    }

    interface Graph {

        /** Deepest lineage a client may ask for with {@code depth}. */
        @WithDefault("10")
        int maxDepth();

        /**
         * How long a replica may answer graph queries before checking the estate change counter again. 0 checks
         * before every query (one single-row read), so a write on any replica shows on every other at once.
         */
        @WithDefault("0s")
        Duration refreshCheckInterval();
    }
}
