package io.roxxane.athena;

import java.nio.file.Path;

/** Where the repository's files are: the templates, the query docs, the recorded agent samples. */
public final class Repo {
    private Repo() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("athena.repo.dir", "../..")).toAbsolutePath().normalize();
    }

    /** The CloudFormation template with the Glue database and table. */
    public static Path catalogTemplate() {
        return dir().resolve("glue-templates/templates/roxxane-catalog.yaml");
    }

    /** The CloudFormation template with the Athena workgroup and the named queries. */
    public static Path athenaTemplate() {
        return dir().resolve("glue-templates/templates/roxxane-athena.yaml");
    }

    public static Path quickSightGuide() {
        return dir().resolve("docs/quicksight.md");
    }

    /** Files the real agent's file sink wrote (two services), recorded for the tests. */
    public static Path recordedAgentSamples() {
        return dir().resolve("glue-templates/src/test/resources/agent-samples");
    }
}
