package io.roxxane.provisioner.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.roxxane.provisioner.aws.AwsClients;
import io.roxxane.provisioner.config.Setting;
import io.roxxane.provisioner.stack.StackLayout;
import io.roxxane.provisioner.stack.TestStacks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;

/** What every resource inherits: who it is, and that "not found" while reading means absent, while any other error fails. */
class StackResourceTest {
    @TempDir
    Path directory;

    private GlueDatabaseResource database(FakeClient<GlueClient> glue) {
        StackLayout layout = TestStacks.layout(directory, Map.of(Setting.STACK_NAME, "shop"));
        return new GlueDatabaseResource(new StackContext(layout,
                AwsClients.of(Region.EU_WEST_1, null, null, null, glue.client(), null, null, null), null));
    }

    @Test
    void identity_whenBuilt_namesKeyTypeNameArnAndLabel() {
        GlueDatabaseResource database = database(FakeClient.of(GlueClient.class));

        assertEquals("glue-database", database.key());
        assertEquals("shop", database.name());
        assertEquals("arn:aws:glue:eu-west-1:123456789012:database/shop", database.arn());
        assertEquals("Glue database shop", database.label());
        assertEquals(List.of(), database.dependsOn());
    }

    @Test
    void read_whenAwsSaysNotFound_isAbsent() {
        FakeClient<GlueClient> glue = FakeClient.of(GlueClient.class).on("getDatabase", request -> {
            throw EntityNotFoundException.builder().message("Database shop not found.").statusCode(400).build();
        });

        assertFalse(database(glue).read().exists());
    }

    @Test
    void read_whenAwsFailsOtherwise_failsWithThatError() {
        FakeClient<GlueClient> glue = FakeClient.of(GlueClient.class).on("getDatabase", request -> {
            throw GlueException.builder().message("Rate exceeded").statusCode(400).build();
        });

        GlueException error = assertThrows(GlueException.class, () -> database(glue).read());

        assertEquals("Rate exceeded", error.getMessage().split(" \\(")[0]);
    }
}
