package io.roxxane.agent.cli.attach;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@code java} launcher command line: which main class or jar it runs, which flags it sets. */
public final class JavaCommandLine {
    /** Launcher options whose value is the next argument. */
    private static final Set<String> OPTIONS_WITH_VALUE = new HashSet<String>(Arrays.asList(
            "-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path",
            "--add-modules", "--limit-modules", "--add-reads", "--add-exports", "--add-opens",
            "--patch-module", "--enable-native-access", "--source", "--illegal-access"));
    private static final String DISABLE_ATTACH = "DisableAttachMechanism";

    private JavaCommandLine() {
    }

    /**
     * The main class, the jar ({@code -jar}), the module's main class ({@code -m mod/Main}) or
     * the source file a launcher command line runs; {@code "?"} when there is none.
     * {@code arguments} includes the executable as its first element.
     */
    public static String mainOf(List<String> arguments) {
        for (int i = 1; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            if (arg.equals("-jar") || arg.equals("-m") || arg.equals("--module")) {
                return i + 1 < arguments.size() ? arguments.get(i + 1) : "?";
            }
            if (arg.startsWith("--module=")) {
                return arg.substring("--module=".length());
            }
            if (OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-") && !arg.startsWith("@")) {
                return arg;
            }
        }
        return "?";
    }

    /**
     * The main class or jar in the command a JVM reports about itself ({@code sun.java.command},
     * the attach API's display name): its first word.
     */
    public static String mainOfJavaCommand(String javaCommand) {
        if (javaCommand == null || javaCommand.trim().isEmpty()) {
            return "?";
        }
        return javaCommand.trim().split("\\s+")[0];
    }

    /**
     * Whether a JVM with this command line and start-up environment runs with
     * {@code -XX:+DisableAttachMechanism}: the last of the {@code +}/{@code -} forms wins, in the
     * order the JVM reads them (JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS, the command line, _JAVA_OPTIONS).
     */
    public static boolean disablesAttach(List<String> arguments, Map<String, String> environment) {
        Boolean disabled = null;
        disabled = lastSetting(words(environment.get("JAVA_TOOL_OPTIONS")), disabled);
        disabled = lastSetting(words(environment.get("JDK_JAVA_OPTIONS")), disabled);
        disabled = lastSetting(arguments, disabled);
        disabled = lastSetting(words(environment.get("_JAVA_OPTIONS")), disabled);
        return Boolean.TRUE.equals(disabled);
    }

    private static Boolean lastSetting(List<String> arguments, Boolean current) {
        Boolean result = current;
        for (String arg : arguments) {
            if (arg.equals("-XX:+" + DISABLE_ATTACH)) {
                result = Boolean.TRUE;
            } else if (arg.equals("-XX:-" + DISABLE_ATTACH)) {
                result = Boolean.FALSE;
            }
        }
        return result;
    }

    private static List<String> words(String value) {
        if (value == null || value.trim().isEmpty()) {
            return Collections.emptyList();
        }
        return Arrays.asList(value.trim().split("\\s+"));
    }
}
