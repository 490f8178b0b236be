package io.roxxane.athena.glue;

import io.roxxane.athena.firehose.DeliveryRequest.TableColumn;
import io.roxxane.athena.firehose.DeliveryRequest.TableVersion;
import java.util.List;

/**
 * The Glue table over the test's time line, a stack mid-upgrade: until {@code upgradedAt} as the
 * schema-1 stack made it ({@code before}: the template's table with only the schema-1 columns),
 * from then on as the template declares it ({@code after}), the columns appended in place as the
 * provisioner or a newer catalog stack does (same location, partitions kept). Firehose converts a
 * flush with the version the table has when the flush is delivered; the partition registrar
 * copies the version the table has when a partition's first object arrives.
 */
public record TableHistory(GlueTable before, GlueTable after, long upgradedAt) {
    public static final String BEFORE = "1";
    public static final String AFTER = "2";

    public static TableHistory upgradedAt(GlueTable current, long upgradedAt) {
        return new TableHistory(current.asOfSchemaVersion(1), current, upgradedAt);
    }

    /** The version id the table has at {@code millis}. */
    public String versionAt(long millis) {
        return millis < upgradedAt ? BEFORE : AFTER;
    }

    public GlueTable version(String versionId) {
        return switch (versionId) {
            case BEFORE -> before;
            case AFTER -> after;
            default -> throw new IllegalArgumentException("no table version " + versionId);
        };
    }

    /** Both versions as the converter takes them: each with its data columns and their Glue types. */
    public List<TableVersion> converterVersions() {
        return List.of(converterVersion(BEFORE), converterVersion(AFTER));
    }

    private TableVersion converterVersion(String versionId) {
        return new TableVersion(versionId, version(versionId).columns().stream().map(c -> new TableColumn(c.name(), c.type()))
                .toList());
    }
}
