package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.aws.AwsErrors;
import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.resources.spec.GlueDatabaseSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Table;

/** The Glue database that holds the metrics table. */
public final class GlueDatabaseResource extends StackResource<GlueDatabaseSpec> {
    public static final String KEY = "glue-database";

    public GlueDatabaseResource(StackContext context) {
        super(context, new Identity(KEY, "Glue database", context.layout().settings().glueDatabaseName(),
                        context.layout().databaseArn(), List.of()),
                new GlueDatabaseSpec("Roxxane host and JVM metrics (stack " + context.stackName() + ")"));
    }

    private GlueClient glue() {
        return clients().glue();
    }

    @Override
    protected Observation<GlueDatabaseSpec> observe() {
        Database database = glue().getDatabase(r -> r.name(name())).database();
        return Observation.of(new GlueDatabaseSpec(database.description()), stackTagIn(glue().getTags(r -> r.resourceArn(arn())).tags()));
    }

    @Override
    public void create() {
        glue().createDatabase(r -> r.databaseInput(d -> d.name(name()).description(desired().description())).tags(context().tags()));
    }

    @Override
    public void update(GlueDatabaseSpec current, List<Difference> differences) {
        glue().updateDatabase(r -> r.name(name()).databaseInput(d -> d.name(name()).description(desired().description())));
    }

    /**
     * Glue's DeleteDatabase also deletes every table in the database, whoever made it. So the
     * tables are listed first (every page): those that carry this stack's {@code roxxane:stack}
     * table parameter are deleted; if any other table remains, the database is kept with it.
     */
    @Override
    public DeleteResult delete(boolean deleteData) {
        List<String> foreign = new ArrayList<>();
        for (GetTablesResponse page : glue().getTablesPaginator(r -> r.databaseName(name()))) {
            for (Table table : page.tableList()) {
                Map<String, String> parameters = table.parameters() == null ? Map.of() : table.parameters();
                if (context().stackName().equals(parameters.get(Planner.STACK_TAG))) {
                    AwsErrors.unlessGone(() -> glue().deleteTable(r -> r.databaseName(name()).name(table.name())));
                } else {
                    foreign.add(table.name());
                }
            }
        }
        if (!foreign.isEmpty()) {
            return DeleteResult.kept("it holds " + foreign.size() + " table(s) not made by this stack (" + String.join(", ", foreign)
                    + "), which deleting the database would delete too; delete or move them, then run destroy again");
        }
        glue().deleteDatabase(r -> r.name(name()));
        return DeleteResult.deleted();
    }
}
