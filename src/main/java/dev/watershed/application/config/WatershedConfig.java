package dev.watershed.application.config;

import com.networknt.schema.SpecificationVersion;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every {@code watershed.*} setting, with its default. The README's configuration table mirrors this. */
@ConfigMapping(prefix = "watershed")
public interface WatershedConfig {

    /** Directory for the embedded database and the first-start admin token file. */
    @WithDefault("./data")
    String dataDir();

    Auth auth();

    Limits limits();

    Examples examples();

    Validation validation();

    Graph graph();

    Durability durability();

    Notifications notifications();

    Drift drift();

    Timeline timeline();

    Findings findings();

    CostBenefit costBenefit();

    Webhooks webhooks();

    Secrets secrets();

    Contracts contracts();

    Cli cli();

    Ccompat ccompat();

    LineageConfig lineage();

    interface Findings {

        /** Major versions a producer may publish within {@link #unstableWindow()} before its readers are warned. */
        @WithDefault("2")
        int unstableMaxMajorVersions();

        /** How far back major versions count for the unstable-dependency finding. */
        @WithDefault("90d")
        Duration unstableWindow();
    }

    interface CostBenefit {

        /**
         * Benefit per unit of cost below which a producer is a removal candidate, e.g. 0.0001 feature importance per
         * USD/month (0.01 per 100 USD a month). Compared within one benefit metric and cost unit.
         */
        @WithDefault("0.0001")
        double minRatio();
    }

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

        /**
         * Schemas kept parsed (SchemaCache), bounded by the total length in characters of their canonical JSON; a
         * parsed schema takes several times that in memory. Checked, published and validated schemas are parsed and
         * checked against their meta-schema once, then found here, least recently used evicted first.
         */
        @WithDefault("33554432")
        long schemaCacheChars();

        /**
         * Answers to contract, schema, field, asset and Confluent-lookup reads kept in memory as the bytes sent
         * (ReadCache), bounded by their total size; each is served until the estate changes.
         */
        @WithDefault("67108864")
        long readCacheBytes();

        /** Largest page a list endpoint returns. */
        @WithDefault("500")
        int maxPageSize();

        /**
         * Computation one request may spend comparing schemas (a compatibility check, a publish or its dry run, a
         * rollback plan, a diff), and one record may spend being validated; beyond it the work stops with 422
         * {@code COMPUTE_BUDGET_EXCEEDED}. Work also stops as soon as the client closes the connection.
         */
        @WithDefault("5s")
        Duration computeBudget();

        /**
         * Steps one comparison of two schema versions may take (subschema pairs compared, differences of a shared
         * definition placed again), and types an Avro schema may have with its named types written out at each
         * use; beyond it 422 {@code SCHEMA_TOO_COMPLEX}.
         */
        @WithDefault("1000000")
        long maxComparisonSteps();

        /**
         * Longest time a request body that is read whole (every body except a streamed NDJSON or Avro batch) may take
         * to arrive; the request is answered 408 and its connection closed beyond.
         */
        @WithDefault("60s")
        Duration bodyTimeout();

        /**
         * Fewest bytes per second every request body, streamed batches included, must arrive at, measured over each
         * {@link #bodyRateWindow()}; a slower one is answered 408 and its connection closed.
         */
        @WithDefault("1024")
        int bodyMinRate();

        /** The window over which {@link #bodyMinRate()} is measured; also the first window's grace. */
        @WithDefault("10s")
        Duration bodyRateWindow();

        /**
         * Validation and drift requests (POST /api/v1/validate, /assets/{name}/validate and /drift) worked on at once;
         * each holds a worker thread while its body streams in. More are answered 503 with Retry-After, and
         * readiness reports DOWN while every slot is taken.
         */
        @WithDefault("16")
        int maxConcurrentValidations();

        /** Longest request target (path and query) accepted; 414 beyond. */
        @WithDefault("8192")
        int maxUriLength();

        /** Largest total of header names and values accepted; 431 beyond. */
        @WithDefault("20480")
        int maxHeaderBytes();
    }

    interface Examples {

        /**
         * Load the example estate on start when the database holds no assets. Unset: only on the embedded H2
         * database, never on an external one.
         */
        Optional<Boolean> load();

        /** Directory of contract files to load; unset, the example estate packaged with the registry. */
        Optional<String> directory();
    }

    interface Validation {

        /** Individual errors listed in a validation response; the counts and the error summary stay exact. */
        @WithDefault("100")
        int maxErrors();

        /** Largest record in bytes (one NDJSON line, or the whole body of a single JSON record). */
        @WithDefault("1048576")
        int maxRecordBytes();

        /** Deepest nesting of objects and arrays in a record. */
        @WithDefault("64")
        int maxDepth();

        /** Most records in one validation request; more is refused with 413. */
        @WithDefault("10000000")
        long maxRecords();

        /** Whether JSON Schema {@code format} rejects values (2019-09 and later make it an annotation only). */
        @WithDefault("true")
        boolean formatAssertions();

        /** Hosts from which remote {@code $ref}s may be fetched; none by default, so no schema reaches the network. */
        Optional<Set<String>> allowedRefHosts();

        /** Compiled contract validators kept in memory, least recently used evicted first. */
        @WithDefault("256")
        int cacheSize();

        /**
         * Largest block of an Avro container file, as stored and once decompressed, and largest file header; checked
         * before the block is held, so a compressed bomb costs at most this per request. 413 beyond.
         */
        @WithDefault("16777216")
        int maxBlockBytes();
    }

    interface Durability {

        /**
         * On the embedded H2 database, force the file to the device before a write is acknowledged, one sync shared
         * by the writes that wait together (group commit). false acknowledges once the commit is written to the
         * operating system: it survives a killed process, not a power cut. PostgreSQL syncs its own commits.
         */
        @WithDefault("true")
        boolean syncBeforeAcknowledge();
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

    interface Notifications {

        /**
         * Share of invalid records in a labelled validation above which {@code validation.failed} is sent, 0..1.
         */
        @WithDefault("0.05")
        double validationFailureThreshold();

        /** How often each replica looks for due deliveries (read by the scheduler from this key). */
        @WithDefault("1s")
        Duration dispatchInterval();

        /** Deliveries one dispatcher run claims at most. */
        @WithDefault("100")
        int batchSize();

        /**
         * How long a claimed delivery belongs to its dispatcher. A dispatcher that dies holding it lets it go after
         * this; it is then sent again (at least once, never lost). Longer than the webhook timeout.
         */
        @WithDefault("2m")
        Duration claimDuration();

        /** Delay after the first failed attempt; doubles after each further one, with jitter. */
        @WithDefault("10s")
        Duration firstDelay();

        /** Longest delay between two attempts. */
        @WithDefault("10m")
        Duration maxDelay();

        /** A delivery still failing this long after its creation is dead-lettered (status FAILED). */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** Connect and response timeout of a webhook call. */
        @WithDefault("10s")
        Duration webhookTimeout();

        /** The CloudEvents {@code source} of every event. */
        @WithDefault("/watershed")
        String source();

        /** Whether a team's own email (teams API) receives the notifications about its downstream assets. */
        @WithDefault("true")
        boolean teamEmail();

        /**
         * Whether a team's own webhook (teams API) receives them too. Off by default: teams have no secret, so these
         * calls cannot be signed; subscribe a webhook with a secret instead.
         */
        @WithDefault("false")
        boolean teamWebhook();
    }

    /** Drift and training/serving skew; a field's {@code driftThreshold} or {@code skewThreshold} wins. */
    interface Drift {

        /** Largest Jensen-Shannon divergence (base 2, 0..1) of a numeric field from its baseline (TFDV: 0.1). */
        @WithDefault("0.1")
        double jensenShannonThreshold();

        /** Largest L-infinity distance (0..1) of a categorical field's value shares from its baseline (TFDV: 0.1). */
        @WithDefault("0.1")
        double lInfinityThreshold();

        /** Largest change of the share of null or missing values, in share points. */
        @WithDefault("0.1")
        double nullRateChange();

        /** Share a value must hold to be reported as a new category (or have held, as a vanished one). */
        @WithDefault("0.01")
        double newCategoryMinShare();

        /** Largest relative change of the record count against the baseline's records per batch. */
        @WithDefault("0.5")
        double recordCountChange();

        /** Largest distance between training and serving data of a field, either metric. */
        @WithDefault("0.1")
        double skewThreshold();

        /** Most observations merged into one baseline, the newest of the window. */
        @WithDefault("1000")
        int maxBaselineObservations();
    }

    /** The change timeline of an asset (GET /api/v1/assets/{name}/timeline). */
    interface Timeline {

        /** The window looked at when the request gives no {@code from}: this long before {@code to}. */
        @WithDefault("30d")
        Duration defaultWindow();

        /** The longest window a request may ask for. */
        @WithDefault("366d")
        Duration maxWindow();

        /** Entries returned when the request gives no {@code limit}. */
        @WithDefault("100")
        int defaultLimit();

        /** The most entries one request may ask for. */
        @WithDefault("1000")
        int maxLimit();

        /**
         * The most assets one timeline covers: the asset and its nearest upstream assets; a response says when the
         * upstream was cut short.
         */
        @WithDefault("2000")
        int maxAssets();
    }

    /** Where webhooks may be sent (WebhookTargetPolicy): public addresses, and these on purpose. */
    interface Webhooks {

        /**
         * Host names and CIDR ranges of internal receivers that webhooks (subscriptions and teams' own) may reach
         * although they are loopback, private or link-local, e.g. {@code hooks.internal.example,10.0.0.0/8}. None by
         * default: only public addresses.
         */
        Optional<List<String>> allowedTargets();
    }

    /** The key that encrypts webhook secrets in the database (AES-256-GCM). */
    interface Secrets {

        /**
         * The key, base64 of 32 random bytes; from the environment (WATERSHED_SECRETS_KEY) only. Every replica on one
         * database needs the same key. Without it, the key file is used.
         */
        Optional<String> key();

        /** The key file, created (owner-only) on first start when there is no key; default data-dir/secrets.key. */
        Optional<String> keyFile();
    }

    /** How contract schemas are read. */
    interface Contracts {

        /**
         * The dialect a JSON Schema without {@code $schema} is read as when 2020-12 does not fit it (it uses
         * {@code items} as an array, {@code additionalItems} or {@code dependencies}, or 2020-12's meta-schema
         * refuses it): {@code draft-04}, {@code draft-06}, {@code draft-07}, {@code 2019-09} or {@code 2020-12}, or a
         * dialect URI. draft-07, as Confluent Schema Registry and Apicurio read such schemas; 2020-12 reads every
         * schema without {@code $schema} as 2020-12. A stored version keeps the dialect it was read as.
         */
        @WithDefault("draft-07")
        @WithConverter(DialectConverter.class)
        SpecificationVersion fallbackDialect();
    }

    interface Cli {

        /**
         * The CLI jar the registry hands out at {@code /cli/watershed-cli.jar}. Left out: {@code watershed-cli.jar}
         * beside the application ({@code target/quarkus-app/}, where the build puts a copy), then
         * {@code target/watershed-cli.jar} under the working directory (a registry run from the repository).
         */
        Optional<String> jar();
    }

    /** The Confluent-compatible API under {@code /apis/ccompat/v7}. */
    interface Ccompat {

        /**
         * Whether registering a schema under an unknown subject creates an asset for it, owned by the caller's team
         * (true), or answers 40401 (false), so that only assets registered in Watershed take schemas.
         */
        @WithDefault("true")
        boolean createSubjects();
    }
}
