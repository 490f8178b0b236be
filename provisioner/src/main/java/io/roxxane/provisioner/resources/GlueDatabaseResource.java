package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.engine.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Table;

/** The Glue database that holds the metrics table. */
public final class GlueDatabaseResource implements Resource<GlueDatabaseSpec> {
    private final StackContext context;
    private final GlueDatabaseSpec desired;

    public GlueDatabaseResource(StackContext context) {
        this.context = context;
        this.desired = new GlueDatabaseSpec("Roxxane host and JVM metrics (stack " + context.stackName() + ")");
    }

    @Override
    public String key() {
        return "glue-database";
    }

    @Override
    public String type() {
        return "Glue database";
    }

    @Override
    public String name() {
        return context.layout().settings().glueDatabaseName();
    }

    @Override
    public String arn() {
        return context.layout().databaseArn();
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public GlueDatabaseSpec desired() {
        return desired;
    }

    private GlueClient glue() {
        return context.clients().glue();
    }

    @Override
    public Observation<GlueDatabaseSpec> read() {
        Database database;
        try {
            database = glue().getDatabase(r -> r.name(name())).database();
        } catch (EntityNotFoundException e) {
            return Observation.absent();
        }
        Map<String, String> tags = glue().getTags(r -> r.resourceArn(arn())).tags();
        return Observation.of(new GlueDatabaseSpec(database.description()), tags == null ? null : tags.get(Planner.STACK_TAG));
    }

    @Override
    public void create() {
        glue().createDatabase(r -> r.databaseInput(d -> d.name(name()).description(desired.description())).tags(context.tags()));
    }

    @Override
    public void update(GlueDatabaseSpec current, List<Difference> differences) {
        glue().updateDatabase(r -> r.name(name()).databaseInput(d -> d.name(name()).description(desired.description())));
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
                if (context.stackName().equals(parameters.get(Planner.STACK_TAG))) {
                    try {
                        glue().deleteTable(r -> r.databaseName(name()).name(table.name()));
                    } catch (EntityNotFoundException e) {
                        // deleted meanwhile
                    }
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
