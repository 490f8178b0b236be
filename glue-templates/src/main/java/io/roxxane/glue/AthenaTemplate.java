package io.roxxane.glue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders {@code templates/roxxane-athena.yaml}: an Athena workgroup with a results location and
 * one named query per file of {@code docs/queries/}. The queries are the one source of truth;
 * the template is generated from them, and a test fails when the committed template is stale.
 *
 * <p>Regenerate: {@code java -cp glue-templates/target/classes io.roxxane.glue.AthenaTemplate
 * docs/queries glue-templates/templates/roxxane-athena.yaml}
 */
public final class AthenaTemplate {

    private AthenaTemplate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: AthenaTemplate <queries dir> <output template>");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Files.writeString(out, render(QueryFile.readAll(Path.of(args[0]))), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    /** The whole template for these queries. */
    public static String render(List<QueryFile> queries) {
        StringBuilder yaml = new StringBuilder(HEADER);
        for (QueryFile query : queries) {
            yaml.append('\n')
                    .append("  ").append(logicalId(query)).append(":\n")
                    .append("    Type: AWS::Athena::NamedQuery\n")
                    .append("    Properties:\n")
                    .append("      Name: ").append(query.name()).append('\n')
                    .append("      Description: ").append(singleQuoted(query.description())).append('\n')
                    .append("      Database:\n")
                    .append("        Ref: DatabaseName\n")
                    .append("      WorkGroup:\n")
                    .append("        Ref: WorkGroup\n")
                    .append("      QueryString:\n")
                    .append("        Fn::Sub: |\n");
            query.sql().lines().forEach(line ->
                    yaml.append(line.isEmpty() ? "" : "          " + line).append('\n'));
        }
        return yaml.append(OUTPUTS).toString();
    }

    /** {@code heap_gc_by_service_hour} becomes {@code QueryHeapGcByServiceHour}. */
    static String logicalId(QueryFile query) {
        StringBuilder id = new StringBuilder("Query");
        for (String part : query.name().split("_")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private static String singleQuoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** {@code s3://<bucket>/<prefix>} of the results, in the created or the given bucket: the workgroup's and the output's. */
    private static final String RESULTS_LOCATION = """
            Fn::Sub:
              - s3://${Bucket}/${ResultsPrefix}
              - Bucket:
                  Fn::If:
                    - CreateResultsBucket
                    - Ref: ResultsBucket
                    - Ref: ResultsBucketName
            """;

    private static final String HEADER = """
            # GENERATED from docs/queries/*.sql by io.roxxane.glue.AthenaTemplate: do not edit by hand.
            # Edit the .sql files, then regenerate (see glue-templates/README.md).
            AWSTemplateFormatVersion: '2010-09-09'
            Description: >-
              Roxxane: an Athena workgroup (engine version 3, results location, scan limit) and the
              operator's named queries over the Roxxane metrics table (one row per sample).

            Parameters:
              DatabaseName:
                Type: String
                Default: roxxane
                AllowedPattern: '^[a-z0-9_]{1,255}$'
                Description: Glue database that holds the metrics table.
              TableName:
                Type: String
                Default: metrics
                AllowedPattern: '^[a-z0-9_]{1,255}$'
                Description: The samples table, named metrics by the provisioner; every named query reads it (the TableName placeholder of docs/queries).
              WorkGroupName:
                Type: String
                Default: roxxane
                AllowedPattern: '^[a-zA-Z0-9._-]{1,128}$'
                Description: Name of the Athena workgroup to create.
              ResultsBucketName:
                Type: String
                Default: ''
                AllowedPattern: '^$|^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$'
                Description: >-
                  Existing bucket for query results. Empty creates an encrypted, private bucket whose
                  results expire after ResultsExpirationDays.
              ResultsPrefix:
                Type: String
                Default: athena-results/
                AllowedPattern: '^([^/].*/)?$'
                Description: Key prefix of query results; empty or ending in '/'.
              ResultsExpirationDays:
                Type: Number
                Default: 30
                MinValue: 1
                Description: Days before query results expire (only for the bucket this stack creates).
              BytesScannedCutoffPerQuery:
                Type: Number
                Default: 10737418240
                MinValue: 10000000
                Description: A query that would scan more bytes than this is cancelled (default 10 GiB).

            Conditions:
              CreateResultsBucket:
                Fn::Equals:
                  - Ref: ResultsBucketName
                  - ''

            Resources:
              ResultsBucket:
                Type: AWS::S3::Bucket
                Condition: CreateResultsBucket
                DeletionPolicy: Retain
                UpdateReplacePolicy: Retain
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: AES256
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
                  OwnershipControls:
                    Rules:
                      - ObjectOwnership: BucketOwnerEnforced
                  LifecycleConfiguration:
                    Rules:
                      - Id: expire-query-results
                        Status: Enabled
                        ExpirationInDays:
                          Ref: ResultsExpirationDays
                        AbortIncompleteMultipartUpload:
                          DaysAfterInitiation: 1

              # TLS only, like the provisioner's data bucket; retained with the bucket.
              ResultsBucketPolicy:
                Type: AWS::S3::BucketPolicy
                Condition: CreateResultsBucket
                DeletionPolicy: Retain
                UpdateReplacePolicy: Retain
                Properties:
                  Bucket:
                    Ref: ResultsBucket
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Sid: DenyInsecureTransport
                        Effect: Deny
                        Principal: '*'
                        Action: s3:*
                        Resource:
                          - Fn::GetAtt:
                              - ResultsBucket
                              - Arn
                          - Fn::Sub: ${ResultsBucket.Arn}/*
                        Condition:
                          Bool:
                            aws:SecureTransport: 'false'

              WorkGroup:
                Type: AWS::Athena::WorkGroup
                Properties:
                  Name:
                    Ref: WorkGroupName
                  Description: Roxxane host and JVM metrics
                  State: ENABLED
                  RecursiveDeleteOption: true
                  WorkGroupConfiguration:
                    EnforceWorkGroupConfiguration: true
                    PublishCloudWatchMetricsEnabled: true
                    BytesScannedCutoffPerQuery:
                      Ref: BytesScannedCutoffPerQuery
                    EngineVersion:
                      SelectedEngineVersion: Athena engine version 3
                    ResultConfiguration:
                      EncryptionConfiguration:
                        EncryptionOption: SSE_S3
                      OutputLocation:
            """ + RESULTS_LOCATION.indent(12);

    private static final String OUTPUTS = """

            Outputs:
              WorkGroupName:
                Description: The Athena workgroup; choose it in the console or pass --work-group.
                Value:
                  Ref: WorkGroup
              ResultsLocation:
                Description: Where query results are written.
                Value:
            """ + RESULTS_LOCATION.indent(6);
}
