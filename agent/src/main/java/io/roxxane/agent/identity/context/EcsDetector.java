package io.roxxane.agent.identity.context;

import io.roxxane.schema.Column;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The ECS task through the task metadata endpoint v4, which ECS names in
 * {@code ECS_CONTAINER_METADATA_URI_V4} (consulted only when that variable is set):
 * {@code ${ECS_CONTAINER_METADATA_URI_V4}} for this container (its name in the task definition)
 * and {@code ${ECS_CONTAINER_METADATA_URI_V4}/task} for the task: cluster, task ARN, family,
 * revision, launch type, availability zone. Region and account id come from the task ARN; a
 * cluster given by its short name (the EC2 launch type) becomes an ARN in the task's partition,
 * region and account, as the OpenTelemetry ECS detector does.
 */
final class EcsDetector {
    static final String URI_VARIABLE = "ECS_CONTAINER_METADATA_URI_V4";
    static final String TASK_PATH = "/task";

    private final String uri;

    private EcsDetector(String uri) {
        this.uri = uri;
    }

    /** The detector when ECS names its metadata endpoint here, else null (nothing will be contacted). */
    static EcsDetector forEnvironment(ContextEnvironment env, Problems problems) {
        String uri = env.variable(URI_VARIABLE);
        if (uri == null) {
            return null;
        }
        if (!uri.toLowerCase(Locale.ROOT).startsWith("http://")) {
            problems.add(URI_VARIABLE + " is not an http:// URL; ECS task metadata not asked");
            return null;
        }
        while (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        return new EcsDetector(uri);
    }

    String uri() {
        return uri;
    }

    /**
     * Asks the endpoint until {@code deadlineNanos}; what it learnt, empty when it did not answer.
     * Failures go to {@code problems}.
     */
    Map<Column, String> detect(MetadataHttp http, long deadlineNanos, Problems problems) {
        EnumMap<Column, String> found = new EnumMap<Column, String>(Column.class);
        Map<String, String> container = fetch(http, uri, deadlineNanos, problems);
        if (container != null) {
            putIfPresent(found, Column.CONTAINER_NAME, container.get("Name"));
        }
        Map<String, String> task = System.nanoTime() - deadlineNanos < 0
                ? fetch(http, uri + TASK_PATH, deadlineNanos, problems) : null; // no time left: one problem is enough
        if (task != null) {
            putIfPresent(found, Column.AWS_ECS_TASK_ARN, task.get("TaskARN"));
            putIfPresent(found, Column.AWS_ECS_TASK_FAMILY, task.get("Family"));
            putIfPresent(found, Column.AWS_ECS_TASK_REVISION, task.get("Revision"));
            putIfPresent(found, Column.CLOUD_AVAILABILITY_ZONE, task.get("AvailabilityZone"));
            String launchType = task.get("LaunchType");
            putIfPresent(found, Column.AWS_ECS_LAUNCHTYPE, launchType == null ? null : launchType.toLowerCase(Locale.ROOT));
        }
        String arn = task != null && task.get("TaskARN") != null ? task.get("TaskARN")
                : container != null ? container.get("ContainerARN") : null;
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        String partition = parts.length == 6 && parts[0].equals("arn") ? parts[1] : null;
        String region = partition != null && !parts[3].isEmpty() ? parts[3] : null;
        String account = partition != null && !parts[4].isEmpty() ? parts[4] : null;
        putIfPresent(found, Column.CLOUD_REGION, region);
        putIfPresent(found, Column.CLOUD_ACCOUNT_ID, account);
        String cluster = task == null ? null : task.get("Cluster");
        if (cluster != null && cluster.startsWith("arn:")) {
            found.put(Column.AWS_ECS_CLUSTER_ARN, cluster);
        } else if (cluster != null && region != null && account != null) {
            found.put(Column.AWS_ECS_CLUSTER_ARN,
                    "arn:" + partition + ":ecs:" + region + ":" + account + ":cluster/" + cluster);
        }
        if (!found.isEmpty()) {
            found.put(Column.CLOUD_PROVIDER, "aws");
            found.put(Column.CLOUD_PLATFORM, "aws_ecs");
        }
        return found;
    }

    private static Map<String, String> fetch(MetadataHttp http, String url, long deadlineNanos, Problems problems) {
        try {
            MetadataHttp.Answer answer = http.exchange("GET", url, Collections.<String, String>emptyMap(), deadlineNanos);
            if (!answer.ok()) {
                problems.add("ECS task metadata at " + url + ": HTTP " + answer.status);
                return null;
            }
            return JsonFields.of(answer.body);
        } catch (IOException | RuntimeException e) {
            problems.add("ECS task metadata at " + url + ": " + Problems.describe(e));
            return null;
        }
    }

    private static void putIfPresent(Map<Column, String> found, Column column, String value) {
        if (value != null && !value.isEmpty()) {
            found.put(column, value);
        }
    }
}
