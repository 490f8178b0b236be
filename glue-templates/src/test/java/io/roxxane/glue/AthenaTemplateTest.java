package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Athena template's named queries are the files of docs/queries, byte for byte. */
class AthenaTemplateTest {
    private static final String REGENERATE = "regenerate it: java -cp glue-templates/target/classes"
            + " io.roxxane.glue.AthenaTemplate docs/queries glue-templates/templates/" + Templates.ATHENA;

    @Test
    void resultsBucket_deniesEveryRequestWithoutTls_andKeepsThePolicyWithTheBucket() {
        JsonNode template = Templates.read(Templates.ATHENA);
        JsonNode policy = Templates.onlyResource(template, "AWS::S3::BucketPolicy");

        assertEquals("CreateResultsBucket", policy.path("Condition").asText());
        assertEquals("Retain", policy.path("DeletionPolicy").asText(), "the results bucket is retained, so is its policy");
        assertEquals("ResultsBucket", policy.path("Properties").path("Bucket").path("Ref").asText());
        JsonNode statements = policy.path("Properties").path("PolicyDocument").path("Statement");
        assertEquals(1, statements.size(), statements.toString());
        JsonNode deny = statements.get(0);
        assertEquals("Deny", deny.path("Effect").asText());
        assertEquals("*", deny.path("Principal").asText());
        assertEquals("s3:*", deny.path("Action").asText());
        assertEquals("false", deny.path("Condition").path("Bool").path("aws:SecureTransport").asText());
        JsonNode resources = deny.path("Resource");
        assertEquals(2, resources.size(), resources.toString());
        assertEquals("ResultsBucket", resources.get(0).path("Fn::GetAtt").get(0).asText());
        assertEquals("Arn", resources.get(0).path("Fn::GetAtt").get(1).asText());
        assertEquals("${ResultsBucket.Arn}/*", resources.get(1).path("Fn::Sub").asText());
    }

    @Test
    void namedQueries_areByteIdenticalToQueryFiles() throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (QueryFile query : QueryFile.readAll(Templates.queriesDir())) {
            files.put(query.name(), Files.readString(Templates.queriesDir().resolve(query.name() + ".sql"),
                    StandardCharsets.UTF_8));
        }
        Map<String, String> named = new TreeMap<>();
        for (JsonNode query : Templates.resourcesOfType(Templates.read(Templates.ATHENA), "AWS::Athena::NamedQuery")
                .values()) {
            JsonNode properties = query.path("Properties");
            named.put(properties.path("Name").asText(), properties.path("QueryString").path("Fn::Sub").asText());
        }

        assertEquals(files.keySet(), named.keySet(), "named queries and .sql files differ; " + REGENERATE);
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertEquals(file.getValue(), named.get(file.getKey()),
                    file.getKey() + ".sql differs from its named query; " + REGENERATE);
        }
    }

    @Test
    void committedTemplate_equalsTheGeneratedOne() throws Exception {
        String committed = Files.readString(Templates.path(Templates.ATHENA), StandardCharsets.UTF_8);

        assertEquals(AthenaTemplate.render(QueryFile.readAll(Templates.queriesDir())), committed,
                "templates/" + Templates.ATHENA + " is stale; " + REGENERATE);
    }

    @Test
    void namedQueries_runInTheWorkGroupAgainstTheDatabaseParameter() {
        JsonNode template = Templates.read(Templates.ATHENA);
        Map<String, JsonNode> queries = Templates.resourcesOfType(template, "AWS::Athena::NamedQuery");

        assertTrue(queries.size() >= 7, "expected the operator's queries, found " + queries.keySet());
        for (JsonNode query : queries.values()) {
            assertEquals("DatabaseName", query.path("Properties").path("Database").path("Ref").asText());
            assertEquals("WorkGroup", query.path("Properties").path("WorkGroup").path("Ref").asText());
        }
        JsonNode workGroup = Templates.onlyResource(template, "AWS::Athena::WorkGroup").path("Properties");
        assertTrue(workGroup.path("WorkGroupConfiguration").path("ResultConfiguration").has("OutputLocation"));
        assertEquals("Athena engine version 3",
                workGroup.path("WorkGroupConfiguration").path("EngineVersion").path("SelectedEngineVersion").asText());
    }

    @Test
    void read_whenFileBreaksTheConventions_namesTheProblem(@TempDir Path dir) throws Exception {
        Path noPlaceholder = dir.resolve("no_table.sql");
        Files.writeString(noPlaceholder, "-- counts\nSELECT count(*) FROM samples\n");
        Path otherSub = dir.resolve("other_sub.sql");
        Files.writeString(otherSub, "-- sub\nSELECT '${AWS::Region}' FROM ${TableName}\n");
        Path badName = dir.resolve("Bad-Name.sql");
        Files.writeString(badName, "-- bad\nSELECT 1 FROM ${TableName}\n");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryFile.read(noPlaceholder))
                .getMessage().contains("${TableName}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryFile.read(otherSub))
                .getMessage().contains("Fn::Sub"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryFile.read(badName))
                .getMessage().contains("Bad-Name.sql"));
    }
}
