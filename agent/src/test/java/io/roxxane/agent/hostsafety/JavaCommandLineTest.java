package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.cli.attach.JavaCommandLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaCommandLineTest {
    @Test
    void mainOf_whenClassPathAndOptions_returnsMainClass() {
        assertEquals("com.example.Main", JavaCommandLine.mainOf(List.of("/usr/bin/java", "-Xmx1g", "-cp", "a.jar:b.jar",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dx=y", "com.example.Main", "arg")));
    }

    @Test
    void mainOf_whenJar_returnsJar() {
        assertEquals("/opt/app/app.jar", JavaCommandLine.mainOf(List.of("java", "-XX:+UseG1GC", "-jar", "/opt/app/app.jar", "x")));
    }

    @Test
    void mainOf_whenModule_returnsModuleAndClass() {
        assertEquals("app/com.example.Main", JavaCommandLine.mainOf(List.of("java", "-p", "mods", "-m", "app/com.example.Main")));
        assertEquals("app/com.example.Main", JavaCommandLine.mainOf(List.of("java", "--module=app/com.example.Main")));
    }

    @Test
    void mainOf_whenNoMain_returnsQuestionMark() {
        assertEquals("?", JavaCommandLine.mainOf(List.of("java", "-version")));
        assertEquals("?", JavaCommandLine.mainOf(List.of()));
    }

    @Test
    void mainOfJavaCommand_whenCommandWithArguments_returnsFirstWord() {
        assertEquals("com.example.Main", JavaCommandLine.mainOfJavaCommand("com.example.Main --port 8080"));
        assertEquals("?", JavaCommandLine.mainOfJavaCommand(" "));
    }

    @Test
    void disablesAttach_whenFlagOnCommandLine_true() {
        assertTrue(JavaCommandLine.disablesAttach(List.of("java", "-XX:+DisableAttachMechanism", "Main"), Map.of()));
        assertFalse(JavaCommandLine.disablesAttach(List.of("java", "Main"), Map.of()));
    }

    @Test
    void disablesAttach_whenLaterSettingReenables_false() {
        assertFalse(JavaCommandLine.disablesAttach(List.of("java", "-XX:-DisableAttachMechanism", "Main"),
                Map.of("JAVA_TOOL_OPTIONS", "-XX:+DisableAttachMechanism")));
        assertTrue(JavaCommandLine.disablesAttach(List.of("java", "-XX:-DisableAttachMechanism", "Main"),
                Map.of("_JAVA_OPTIONS", "-Xmx1g -XX:+DisableAttachMechanism")));
    }

    @Test
    void disablesAttach_whenFlagInJavaToolOptions_true() {
        assertTrue(JavaCommandLine.disablesAttach(List.of("java", "Main"),
                Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g  -XX:+DisableAttachMechanism")));
    }
}
