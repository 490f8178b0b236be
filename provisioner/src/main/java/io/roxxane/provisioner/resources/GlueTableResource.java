package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.resources.spec.GlueTableSpec.ColumnSpec;
import io.roxxane.provisioner.resources.spec.GlueTableSpec;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.PartitionRule;
import io.roxxane.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The Glue table Firehose converts records with and Athena queries. No partition projection:
 * the partition registrar adds partitions as objects arrive. Glue tables carry no tags, so the
 * stack is recorded in the table parameter {@code roxxane:stack}.
 */
public final class GlueTableResource extends StackResource<GlueTableSpec> {
    public static final String KEY = "glue-table";
    static final String SCHEMA_VERSION_PARAMETER = "roxxane:schema_version";

    public GlueTableResource(StackContext context) {
        this(context, Schema.VERSION);
    }

    /** The table of schema version {@code schemaVersion}: its columns, and that version as a parameter. */
    public GlueTableResource(StackContext context, int schemaVersion) {
        super(context, new Identity(KEY, "Glue table",
                        context.layout().settings().glueDatabaseName() + "." + context.layout().settings().glueTableName(),
                        context.layout().tableArn(), List.of(GlueDatabaseResource.KEY)),
                desiredSpec(context.layout().dataLocation(), context.stackName(), schemaVersion));
    }

    static GlueTableSpec desiredSpec(String location, String stackName) {
        return desiredSpec(location, stackName, Schema.VERSION);
    }

    /**
     * The table as the provisioner of {@code schemaVersion} made it: the columns added up to that
     * version, in schema order (versions only append, so an older table is a prefix of a newer one).
     */
    public static GlueTableSpec desiredSpec(String location, String stackName, int schemaVersion) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (Column column : Column.tableColumns()) {
            if (column.sinceVersion() <= schemaVersion) {
                columns.add(new ColumnSpec(column.columnName(), column.type().glueType(), column.description()));
            }
        }
        List<ColumnSpec> keys = new ArrayList<>();
        for (String key : PartitionRule.KEYS) {
            keys.add(new ColumnSpec(key, ColumnType.STRING.glueType(), null));
        }
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("EXTERNAL", "TRUE");
        parameters.put("classification", "parquet");
        parameters.put("parquet.compression", "SNAPPY");
        parameters.put(Planner.STACK_TAG, stackName);
        parameters.put(SCHEMA_VERSION_PARAMETER, String.valueOf(schemaVersion));
        return new GlueTableSpec("EXTERNAL_TABLE", location, List.copyOf(columns), List.copyOf(keys),
                "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
                new TreeMap<>(Map.of("serialization.format", "1")), parameters, Map.of());
    }

    private String tableName() {
        return context().layout().settings().glueTableName();
    }

    private String databaseName() {
        return context().layout().settings().glueDatabaseName();
    }

    private GlueClient glue() {
        return clients().glue();
    }

    @Override
    protected Observation<GlueTableSpec> observe() {
        Table table = glue().getTable(r -> r.databaseName(databaseName()).name(tableName())).table();
        Map<String, String> all = table.parameters() == null ? Map.of() : table.parameters();
        Map<String, String> ours = new TreeMap<>();
        Map<String, String> contradicting = new TreeMap<>();
        all.forEach((key, value) -> {
            if (desired().parameters().containsKey(key)) {
                ours.put(key, value);
            } else if (GlueTableSpec.contradictsDesign(key)) {
                contradicting.put(key, value);
            }
        });
        var storage = table.storageDescriptor();
        var serde = storage == null ? null : storage.serdeInfo();
        GlueTableSpec current = new GlueTableSpec(table.tableType(), storage == null ? null : storage.location(),
                storage == null ? List.of() : columns(storage.columns()), columns(table.partitionKeys()),
                storage == null ? null : storage.inputFormat(), storage == null ? null : storage.outputFormat(),
                serde == null ? null : serde.serializationLibrary(),
                serde == null || serde.parameters() == null ? Map.of() : new TreeMap<>(serde.parameters()), ours, contradicting);
        return Observation.of(current, stackTagIn(all));
    }

    private static List<ColumnSpec> columns(List<software.amazon.awssdk.services.glue.model.Column> columns) {
        List<ColumnSpec> result = new ArrayList<>();
        if (columns != null) {
            for (var column : columns) {
                result.add(new ColumnSpec(column.name(), column.type(), column.comment()));
            }
        }
        return List.copyOf(result);
    }

    /**
     * The parameters to write: on update, what the table holds now (Glue's and other tools' own
     * parameters are kept) without the ones that contradict the design, then this stack's.
     */
    static Map<String, String> mergedParameters(Map<String, String> existing, Map<String, String> ours) {
        Map<String, String> merged = new TreeMap<>();
        existing.forEach((key, value) -> {
            if (!GlueTableSpec.contradictsDesign(key)) {
                merged.put(key, value);
            }
        });
        merged.putAll(ours);
        return merged;
    }

    private TableInput tableInput(Map<String, String> parameters) {
        return TableInput.builder().name(tableName()).tableType(desired().tableType())
                .description("Roxxane metrics, one row per sample; partitions registered as data arrives")
                .parameters(parameters)
                .partitionKeys(glueColumns(desired().partitionKeys()))
                .storageDescriptor(s -> s.location(desired().location()).columns(glueColumns(desired().columns()))
                        .inputFormat(desired().inputFormat()).outputFormat(desired().outputFormat()).compressed(false)
                        .serdeInfo(serde -> serde.serializationLibrary(desired().serializationLibrary())
                                .parameters(desired().serdeParameters())))
                .build();
    }

    private static List<software.amazon.awssdk.services.glue.model.Column> glueColumns(List<ColumnSpec> columns) {
        List<software.amazon.awssdk.services.glue.model.Column> result = new ArrayList<>();
        for (ColumnSpec column : columns) {
            result.add(software.amazon.awssdk.services.glue.model.Column.builder().name(column.name()).type(column.type())
                    .comment(column.comment()).build());
        }
        return result;
    }

    @Override
    public void create() {
        glue().createTable(r -> r.databaseName(databaseName()).tableInput(tableInput(desired().parameters())));
    }

    /** Rewrites the table definition; parameters are merged (see {@link #mergedParameters}), never replaced wholesale. */
    @Override
    public void update(GlueTableSpec current, List<Difference> differences) {
        Table table = glue().getTable(r -> r.databaseName(databaseName()).name(tableName())).table();
        Map<String, String> parameters = mergedParameters(table.parameters() == null ? Map.of() : table.parameters(),
                desired().parameters());
        glue().updateTable(r -> r.databaseName(databaseName()).tableInput(tableInput(parameters)));
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        glue().deleteTable(r -> r.databaseName(databaseName()).name(tableName()));
        return DeleteResult.deleted();
    }
}
