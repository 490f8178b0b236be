package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.engine.Resource;
import io.roxxane.provisioner.stack.StackLayout;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

/** The CloudWatch log group Firehose reports delivery and conversion errors to. */
public final class LogGroupResource implements Resource<LogGroupSpec> {
    private final StackContext context;
    private final LogGroupSpec desired;

    public LogGroupResource(StackContext context) {
        this.context = context;
        this.desired = new LogGroupSpec(context.layout().settings().logRetentionDays(), List.of(StackLayout.DELIVERY_LOG_STREAM));
    }

    @Override
    public String key() {
        return "log-group";
    }

    @Override
    public String type() {
        return "Log group";
    }

    @Override
    public String name() {
        return context.layout().settings().logGroupName();
    }

    @Override
    public String arn() {
        return context.layout().logGroupArn();
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public LogGroupSpec desired() {
        return desired;
    }

    private CloudWatchLogsClient logs() {
        return context.clients().logs();
    }

    @Override
    public Observation<LogGroupSpec> read() {
        Optional<LogGroup> group = logs().describeLogGroupsPaginator(r -> r.logGroupNamePrefix(name())).logGroups().stream()
                .filter(g -> g.logGroupName().equals(name())).findFirst();
        if (group.isEmpty()) {
            return Observation.absent();
        }
        List<String> streams = logs().describeLogStreamsPaginator(r -> r.logGroupName(name())).logStreams().stream()
                .map(LogStream::logStreamName).filter(desired.logStreams()::contains).sorted().toList();
        Integer retention = group.get().retentionInDays();
        Map<String, String> tags = logs().listTagsForResource(r -> r.resourceArn(arn())).tags();
        return Observation.of(new LogGroupSpec(retention == null ? 0 : retention, streams),
                tags == null ? null : tags.get(Planner.STACK_TAG));
    }

    @Override
    public void create() {
        logs().createLogGroup(r -> r.logGroupName(name()).tags(context.tags()));
        logs().putRetentionPolicy(r -> r.logGroupName(name()).retentionInDays(desired.retentionDays()));
        desired.logStreams().forEach(stream -> logs().createLogStream(r -> r.logGroupName(name()).logStreamName(stream)));
    }

    @Override
    public void update(LogGroupSpec current, List<Difference> differences) {
        if (current.retentionDays() != desired.retentionDays()) {
            logs().putRetentionPolicy(r -> r.logGroupName(name()).retentionInDays(desired.retentionDays()));
        }
        for (String stream : desired.logStreams()) {
            if (!current.logStreams().contains(stream)) {
                logs().createLogStream(r -> r.logGroupName(name()).logStreamName(stream));
            }
        }
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        logs().deleteLogGroup(r -> r.logGroupName(name()));
        return DeleteResult.deleted();
    }
}
