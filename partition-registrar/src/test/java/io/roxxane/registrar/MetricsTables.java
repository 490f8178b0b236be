package io.roxxane.registrar;

import io.roxxane.testsupport.AwsEmulator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/** The emulator's Glue and a metrics table in it, as the registrar's emulator-backed tests need them. */
final class MetricsTables {
    static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

    private MetricsTables() {
    }

    /** A Glue client for the emulator, over the HTTP client the handler uses. */
    static GlueClient glue(AwsEmulator aws) {
        return aws.configure(GlueClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** An external Parquet table with columns {@code ts, cpu_load}, the given location and partition keys (all strings). */
    static void create(GlueClient glue, String database, String table, String location, List<String> partitionKeys) {
        glue.createTable(r -> r.databaseName(database).tableInput(t -> t
                .name(table)
                .tableType("EXTERNAL_TABLE")
                .partitionKeys(partitionKeys.stream().map(k -> Column.builder().name(k).type("string").build())
                        .collect(Collectors.toList()))
                .storageDescriptor(StorageDescriptor.builder()
                        .location(location)
                        .columns(Column.builder().name("ts").type("bigint").build(),
                                Column.builder().name("cpu_load").type("double").build())
                        .inputFormat(PARQUET_INPUT)
                        .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                        .serdeInfo(SerDeInfo.builder().serializationLibrary(PARQUET_SERDE)
                                .parameters(Map.of("serialization.format", "1")).build())
                        .build())));
    }
}
