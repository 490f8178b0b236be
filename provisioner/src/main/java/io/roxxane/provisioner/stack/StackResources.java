package io.roxxane.provisioner.stack;

import io.roxxane.provisioner.engine.Resource;
import io.roxxane.provisioner.resources.BucketNotificationResource;
import io.roxxane.provisioner.resources.BucketResource;
import io.roxxane.provisioner.resources.DeliveryStreamResource;
import io.roxxane.provisioner.resources.FunctionResource;
import io.roxxane.provisioner.resources.GlueDatabaseResource;
import io.roxxane.provisioner.resources.GlueTableResource;
import io.roxxane.provisioner.resources.InvokePermissionResource;
import io.roxxane.provisioner.resources.LogGroupResource;
import io.roxxane.provisioner.resources.RoleResource;
import io.roxxane.provisioner.resources.StackContext;
import io.roxxane.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The resources of one stack and how they depend on each other. */
public final class StackResources {
    public static final String TRANSFORM_HANDLER = "io.roxxane.transform.FirehoseTransformHandler::handleRequest";
    public static final String REGISTRAR_HANDLER = "io.roxxane.registrar.PartitionRegistrarHandler::handleRequest";
    static final int REGISTRAR_MEMORY_MB = 512;
    static final int REGISTRAR_TIMEOUT_SECONDS = 60;
    /**
     * C1 only: AWS's advice for Java Lambda cold starts; the transform's first 500-record event
     * takes ~130 ms with it against ~480 ms with C2 (transform/README.md, Benchmarks).
     */
    static final String FAST_COLD_START = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    static final String TRANSFORM_ROLE = "transform-role";
    static final String REGISTRAR_ROLE = "registrar-role";
    static final String FIREHOSE_ROLE = "firehose-role";
    static final String TRANSFORM_FUNCTION = "transform-function";
    static final String REGISTRAR_FUNCTION = "registrar-function";

    private StackResources() {
    }

    public static List<Resource<?>> of(StackContext context) {
        return of(context, Schema.VERSION);
    }

    /**
     * The stack as the provisioner of {@code schemaVersion} made it (the table's columns and the
     * stream's JSON reading differ between versions); tests build older stacks with it to upgrade them.
     */
    public static List<Resource<?>> of(StackContext context, int schemaVersion) {
        StackLayout layout = context.layout();
        var settings = layout.settings();
        String transform = settings.transformFunctionName();
        String registrar = settings.registrarFunctionName();
        return List.of(
                new BucketResource(context),
                new LogGroupResource(context),
                new GlueDatabaseResource(context),
                new GlueTableResource(context, schemaVersion),
                new RoleResource(context, TRANSFORM_ROLE, settings.transformRoleName(),
                        "Roxxane transform Lambda (stack " + settings.stackName() + ")",
                        Policies.lambdaTrust(layout), "basic-execution", Policies.lambdaBasicExecution(layout, transform)),
                new RoleResource(context, REGISTRAR_ROLE, settings.registrarRoleName(),
                        "Roxxane partition registrar Lambda (stack " + settings.stackName() + ")",
                        Policies.lambdaTrust(layout), "register-partitions", Policies.registrar(layout, registrar)),
                new RoleResource(context, FIREHOSE_ROLE, settings.firehoseRoleName(),
                        "Roxxane Firehose delivery (stack " + settings.stackName() + ")",
                        Policies.firehoseTrust(layout), "deliver", Policies.firehose(layout)),
                new FunctionResource(context, TRANSFORM_FUNCTION, transform,
                        "Roxxane Firehose transform: validate, enrich, partition keys", settings.transformJar(),
                        TRANSFORM_HANDLER, layout.roleArn(settings.transformRoleName()), settings.lambdaMemoryMb(),
                        settings.lambdaTimeoutSeconds(), Map.of("JAVA_TOOL_OPTIONS", FAST_COLD_START),
                        List.of(TRANSFORM_ROLE), Set.of()),
                new FunctionResource(context, REGISTRAR_FUNCTION, registrar,
                        "Roxxane partition registrar: adds Glue partitions as objects arrive", settings.registrarJar(),
                        REGISTRAR_HANDLER, layout.roleArn(settings.registrarRoleName()), REGISTRAR_MEMORY_MB,
                        REGISTRAR_TIMEOUT_SECONDS,
                        Map.of("GLUE_DATABASE", settings.glueDatabaseName(), "GLUE_TABLE", settings.glueTableName(),
                                "JAVA_TOOL_OPTIONS", FAST_COLD_START),
                        List.of(REGISTRAR_ROLE), Set.of(InvokePermissionResource.STATEMENT_ID)),
                new InvokePermissionResource(context, registrar, List.of(REGISTRAR_FUNCTION, BucketResource.KEY)),
                new BucketNotificationResource(context, layout.functionArn(registrar),
                        List.of(BucketResource.KEY, InvokePermissionResource.KEY)),
                new DeliveryStreamResource(context, List.of(BucketResource.KEY, FIREHOSE_ROLE, TRANSFORM_FUNCTION,
                        GlueTableResource.KEY, LogGroupResource.KEY), schemaVersion));
    }
}
