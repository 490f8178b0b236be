package io.roxxane.agent.sink.file;

import io.roxxane.agent.files.OwnedLayout;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the file sink writes under {@code dir}, exactly: the five partition folders
 * ({@link PartitionFolders}) and, in an hour's folder, files named
 * {@code part-<yyyyMMddTHHmmssZ>-<8 hex sink id>-<counter>[-salvaged].json.gz}, hidden with a
 * leading dot and an {@code .inprogress} suffix while written. The file's date and hour must be
 * its folder's. Nothing else in the directory is the agent's.
 */
public final class SinkLayout implements OwnedLayout {
    public static final SinkLayout INSTANCE = new SinkLayout();

    static final String SUFFIX = ".json.gz";
    static final String IN_PROGRESS_PREFIX = ".";
    static final String IN_PROGRESS_SUFFIX = ".inprogress";
    static final String SALVAGED_MARK = "-salvaged";

    private static final Pattern NAME = Pattern.compile(
            "(\\.)?part-(\\d{8}T\\d{2})[0-5]\\d[0-5]\\dZ-([0-9a-f]{8})-(?:0|[1-9]\\d{0,18})(-salvaged)?\\.json\\.gz"
                    + "(\\.inprogress)?");

    private SinkLayout() {
    }

    @Override
    public boolean isOwnedFolder(List<String> parents, String name) {
        return PartitionFolders.matches(parents.size(), name);
    }

    @Override
    public boolean isOwnedFile(List<String> folders, String name) {
        if (folders.size() != PartitionFolders.DEPTH) {
            return false;
        }
        Matcher m = NAME.matcher(name);
        return m.matches() && (m.group(1) == null) == (m.group(5) == null)
                && m.group(2).equals(PartitionFolders.hourStamp(folders));
    }

    /** Whether an owned file's name is a closed, readable file (not one being written). */
    public static boolean isClosed(String name) {
        return !name.startsWith(IN_PROGRESS_PREFIX);
    }

    /** {@code part-<time>-<sinkId>-<counter>.json.gz}. */
    static String closedName(String fileTime, String sinkId, long counter) {
        return "part-" + fileTime + "-" + sinkId + "-" + counter + SUFFIX;
    }

    /** The hidden name a closed file has while it is written. */
    static String inProgressName(String closedName) {
        return IN_PROGRESS_PREFIX + closedName + IN_PROGRESS_SUFFIX;
    }

    /** {@code .part-X.json.gz.inprogress} and {@code .part-X-salvaged.json.gz.inprogress} give {@code part-X-salvaged.json.gz}. */
    static String salvagedName(String inProgressName) {
        String closed = inProgressName.substring(IN_PROGRESS_PREFIX.length(),
                inProgressName.length() - IN_PROGRESS_SUFFIX.length());
        String stem = closed.substring(0, closed.length() - SUFFIX.length());
        return (stem.endsWith(SALVAGED_MARK) ? stem : stem + SALVAGED_MARK) + SUFFIX;
    }

    /** Whether an in-progress name is a salvage being written ({@code .part-X-salvaged.json.gz.inprogress}). */
    static boolean isSalvage(String inProgressName) {
        return inProgressName.endsWith(SALVAGED_MARK + SUFFIX + IN_PROGRESS_SUFFIX);
    }

    /** The in-progress file a salvage's output comes from: {@code .part-X-salvaged…} gives {@code .part-X…}. */
    static String salvageSource(String salvageName) {
        int mark = salvageName.lastIndexOf(SALVAGED_MARK + SUFFIX);
        return salvageName.substring(0, mark) + SUFFIX + IN_PROGRESS_SUFFIX;
    }

    /** The 8 hex digits of the sink that wrote an owned file. */
    static String sinkId(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() ? m.group(3) : "";
    }
}
