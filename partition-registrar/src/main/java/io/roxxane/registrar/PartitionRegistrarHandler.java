package io.roxxane.registrar;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Lambda entry point ({@code io.roxxane.registrar.PartitionRegistrarHandler::handleRequest}):
 * S3 ObjectCreated events in, Glue partitions registered, a one-line JSON summary out. Keys
 * that are not Roxxane partition files are logged and ignored; a Glue failure is thrown so
 * that Lambda retries the asynchronous invocation.
 */
public final class PartitionRegistrarHandler implements RequestStreamHandler {
    static final String ENV_DATABASE = "GLUE_DATABASE";
    static final String ENV_TABLE = "GLUE_TABLE";
    static final String ENV_REGION = "AWS_REGION";

    private static final JsonFactory JSON = new JsonFactory();

    private final PartitionRegistrar registrar;
    private final String tableName;

    /** For Lambda: reads {@code GLUE_DATABASE}, {@code GLUE_TABLE} and {@code AWS_REGION}. */
    public PartitionRegistrarHandler() {
        this(System.getenv());
    }

    PartitionRegistrarHandler(Map<String, String> env) {
        this(glueClient(required(env, ENV_REGION)), required(env, ENV_DATABASE), required(env, ENV_TABLE));
    }

    /** For tests and embedding: a ready client (e.g. pointed at moto) and the table's names. */
    public PartitionRegistrarHandler(GlueClient glue, String database, String table) {
        this.registrar = new PartitionRegistrar(glue, database, table, RegisteredPartitions.withDefaults(),
                RegisteredPartitions.DEFAULT_MAX_AGE, System::nanoTime);
        this.tableName = database + "." + table;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Consumer<String> log = context == null || context.getLogger() == null
                ? System.out::println
                : context.getLogger()::log;
        PartitionRegistrar.Summary summary;
        try {
            List<S3EventRecord> records = S3EventParser.parse(input);
            summary = registrar.register(records, log);
        } catch (RuntimeException e) {
            log.accept("failed to register partitions in " + tableName + " (Lambda will retry the event): " + e);
            throw e;
        }
        log.accept("registered partitions in " + tableName + ": " + summary);
        try (JsonGenerator out = JSON.createGenerator(output)) {
            out.writeStartObject();
            out.writeNumberField("records", summary.records());
            out.writeNumberField("ignored", summary.ignored());
            out.writeNumberField("partitions", summary.partitions());
            out.writeNumberField("cached", summary.cached());
            out.writeNumberField("created", summary.created());
            out.writeNumberField("alreadyExisted", summary.alreadyExisted());
            out.writeEndObject();
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is required and must not be blank");
        }
        return value.trim();
    }

    private static GlueClient glueClient(String region) {
        return GlueClient.builder()
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(20))
                        .build())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(20)))
                .build();
    }
}
