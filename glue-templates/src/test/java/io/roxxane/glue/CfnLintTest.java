package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every template passes cfn-lint. Under {@code CI=true} cfn-lint must be installed (the test
 * fails otherwise); elsewhere a missing cfn-lint skips these tests with the reason shown.
 */
class CfnLintTest {

    /** Called first by every test, so that a skip shows on each test with its reason. */
    private static void requireCfnLint() {
        if (CfnLint.installed()) {
            return;
        }
        String reason = "cfn-lint is not on the PATH (install it: pip install cfn-lint)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason + "; under CI=true the templates must be linted");
        }
        Assumptions.abort(reason + "; skipping the lint of the templates");
    }

    @Test
    void lint_whenEveryTemplate_passes() throws Exception {
        requireCfnLint();
        List<Path> templates = Templates.all();
        assertEquals(List.of(Templates.ATHENA, Templates.CATALOG),
                templates.stream().map(p -> p.getFileName().toString()).toList(),
                "templates folder holds an unexpected set of templates");

        CfnLint.Result result = CfnLint.lint(templates);

        assertEquals(0, result.exitCode(), "cfn-lint found problems:\n" + result.output());
    }

    @Test
    void lint_whenTemplateIsBroken_fails() throws Exception {
        requireCfnLint();
        Path broken = Path.of(getClass().getResource("/broken-template.yaml").toURI());

        CfnLint.Result result = CfnLint.lint(List.of(broken));

        assertNotEquals(0, result.exitCode(), "cfn-lint accepted a broken template:\n" + result.output());
        assertTrue(result.output().contains("E3"), "expected a schema error (E3xxx):\n" + result.output());
        assertFalse(result.output().isBlank());
    }
}
