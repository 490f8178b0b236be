package io.roxxane.provisioner.stack;

import io.roxxane.provisioner.aws.StackIdentity;
import io.roxxane.provisioner.config.JarLocator;
import io.roxxane.provisioner.config.Setting;
import io.roxxane.provisioner.config.Settings;
import io.roxxane.provisioner.config.SettingsResolver;
import io.roxxane.provisioner.resources.StackContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A stack laid out for account 123456789012 in eu-west-1, with stand-in jars; no clients. */
public final class TestStacks {
    private TestStacks() {
    }

    public static StackLayout layout(Path directory, Map<Setting, String> flags) {
        try {
            Path jar = directory.resolve("stand-in.jar");
            if (!Files.exists(jar)) {
                Files.write(jar, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            }
            Map<String, String> environment = new HashMap<>();
            environment.put("TRANSFORM_JAR", jar.toString());
            environment.put("REGISTRAR_JAR", jar.toString());
            Settings settings = new SettingsResolver(flags, environment, Map.of(), new JarLocator(directory, directory)).resolve(true);
            return StackLayout.of(settings, new StackIdentity("123456789012", "aws", "eu-west-1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StackContext context(Path directory) {
        return new StackContext(layout(directory, Map.of(Setting.STACK_NAME, "shop")), null, null);
    }
}
