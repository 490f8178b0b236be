package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.resources.spec.LogGroupSpec;
import io.roxxane.provisioner.stack.StackLayout;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

/** The CloudWatch log group Firehose reports delivery and conversion errors to. */
public final class LogGroupResource extends StackResource<LogGroupSpec> {
    public static final String KEY = "log-group";

    public LogGroupResource(StackContext context) {
        super(context, new Identity(KEY, "Log group", context.layout().settings().logGroupName(),
                        context.layout().logGroupArn(), List.of()),
                new LogGroupSpec(context.layout().settings().logRetentionDays(), List.of(StackLayout.DELIVERY_LOG_STREAM)));
    }

    private CloudWatchLogsClient logs() {
        return clients().logs();
    }

    @Override
    protected Observation<LogGroupSpec> observe() {
        Optional<LogGroup> group = logs().describeLogGroupsPaginator(r -> r.logGroupNamePrefix(name())).logGroups().stream()
                .filter(g -> g.logGroupName().equals(name())).findFirst();
        if (group.isEmpty()) {
            return Observation.absent();
        }
        List<String> streams = logs().describeLogStreamsPaginator(r -> r.logGroupName(name())).logStreams().stream()
                .map(LogStream::logStreamName).filter(desired().logStreams()::contains).sorted().toList();
        int retention = Objects.requireNonNullElse(group.get().retentionInDays(), 0);
        return Observation.of(new LogGroupSpec(retention, streams),
                stackTagIn(logs().listTagsForResource(r -> r.resourceArn(arn())).tags()));
    }

    @Override
    public void create() {
        logs().createLogGroup(r -> r.logGroupName(name()).tags(context().tags()));
        putRetention();
        desired().logStreams().forEach(this::createStream);
    }

    @Override
    public void update(LogGroupSpec current, List<Difference> differences) {
        if (current.retentionDays() != desired().retentionDays()) {
            putRetention();
        }
        desired().logStreams().stream().filter(stream -> !current.logStreams().contains(stream)).forEach(this::createStream);
    }

    private void putRetention() {
        logs().putRetentionPolicy(r -> r.logGroupName(name()).retentionInDays(desired().retentionDays()));
    }

    private void createStream(String stream) {
        logs().createLogStream(r -> r.logGroupName(name()).logStreamName(stream));
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        logs().deleteLogGroup(r -> r.logGroupName(name()));
        return DeleteResult.deleted();
    }
}
