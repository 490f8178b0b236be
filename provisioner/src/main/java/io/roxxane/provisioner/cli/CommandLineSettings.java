package io.roxxane.provisioner.cli;

import io.roxxane.provisioner.config.ConfigFile;
import io.roxxane.provisioner.config.JarLocator;
import io.roxxane.provisioner.config.Setting;
import io.roxxane.provisioner.config.Settings;
import io.roxxane.provisioner.config.SettingsResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The settings of one command line: its flags (and those given before the command), the environment, the configuration file. */
final class CommandLineSettings {
    private CommandLineSettings() {
    }

    /** @throws io.roxxane.provisioner.config.ConfigException naming every problem */
    static Settings resolve(CommandSpec spec, String configOption, Map<String, String> environment, boolean needsJars) {
        String configPath = configPath(configOption(spec, configOption), environment);
        return new SettingsResolver(flags(spec), environment, configFile(configPath),
                configPath == null ? "./.env" : configPath, JarLocator.forRunningJar()).resolve(needsJars);
    }

    /** Flags of this command and of the commands above it ({@code --stack-name x apply}); the innermost wins. */
    private static Map<Setting, String> flags(CommandSpec spec) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        if (spec.parent() != null) {
            flags.putAll(flags(spec.parent()));
        }
        for (Setting setting : Setting.values()) {
            OptionSpec option = spec.findOption(setting.flag());
            if (option != null && option.getValue() != null) {
                flags.put(setting, option.getValue());
            }
        }
        return flags;
    }

    /** {@code --config} of this command, else of the commands above it. */
    private static String configOption(CommandSpec spec, String own) {
        if (own != null || spec.parent() == null) {
            return own;
        }
        OptionSpec parent = spec.parent().findOption("--config");
        return configOption(spec.parent(), parent == null ? null : parent.getValue());
    }

    /** {@code --config}, else ROXXANE_CONFIG, else null (then {@code ./.env} is read if present). */
    private static String configPath(String configOption, Map<String, String> environment) {
        return configOption != null ? configOption : environment.get("ROXXANE_CONFIG");
    }

    private static Map<String, String> configFile(String path) {
        if (path != null) {
            return ConfigFile.read(Path.of(path));
        }
        Path dotEnv = Path.of(".env");
        return Files.isRegularFile(dotEnv) ? ConfigFile.read(dotEnv, false) : Map.of();
    }
}
