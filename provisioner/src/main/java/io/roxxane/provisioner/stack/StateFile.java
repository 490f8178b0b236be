package io.roxxane.provisioner.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roxxane.provisioner.engine.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/** The outputs of the last successful apply (names and ARNs), as JSON; written atomically. */
public final class StateFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StateFile() {
    }

    public static void write(Path file, StackLayout layout, List<Resource<?>> resources) {
        ObjectNode root = JSON.createObjectNode();
        root.put("stack", layout.settings().stackName());
        root.put("account", layout.identity().accountId());
        root.put("region", layout.identity().region());
        root.put("appliedAt", Instant.now().toString());
        root.put("deliveryStream", layout.settings().deliveryStreamName());
        root.put("bucket", layout.bucketName());
        root.put("dataLocation", layout.dataLocation());
        root.put("glueDatabase", layout.settings().glueDatabaseName());
        root.put("glueTable", layout.settings().glueTableName());
        root.put("agentArgument", layout.agentArgument());
        ObjectNode outputs = root.putObject("resources");
        for (Resource<?> resource : resources) {
            ObjectNode entry = outputs.putObject(resource.key());
            entry.put("type", resource.type());
            entry.put("name", resource.name());
            entry.put("arn", resource.arn());
        }
        try {
            Path absolute = file.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), root);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write state file " + file, e);
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete state file " + file, e);
        }
    }
}
