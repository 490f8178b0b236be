package io.roxxane.agent.summary;

import io.roxxane.agent.files.ForeignEntries;
import io.roxxane.agent.files.OwnedFile;
import java.util.HashSet;
import java.util.Set;

/** What reading a data directory skipped: files or parts of files, lines, and entries not the sink's. */
public final class ReadReport {
    private final ForeignEntries foreign;
    private final Set<String> skippedFiles = new HashSet<String>();
    private int filesRead;
    private long samples;
    private long skippedLines;
    private int unreadableFiles;
    private int cutOffFiles;
    private String first;

    ReadReport(ForeignEntries foreign) {
        this.foreign = foreign;
    }

    void fileRead() {
        filesRead++;
    }

    void sampleRead() {
        samples++;
    }

    /** A file of which nothing could be read. */
    void skippedFile(OwnedFile file, String why) {
        unreadableFiles++;
        skip(file, why);
    }

    /** A file whose end could not be read; what came before was kept. */
    void skippedTail(OwnedFile file, String why) {
        cutOffFiles++;
        skip(file, why);
    }

    void skippedLine(OwnedFile file, String why) {
        skippedLines++;
        skip(file, why);
    }

    private void skip(OwnedFile file, String why) {
        skippedFiles.add(file.path().toString());
        if (first == null) {
            first = file.path() + " (" + why + ")";
        }
    }

    /** The sink's closed files opened. */
    public int filesRead() {
        return filesRead;
    }

    public long samples() {
        return samples;
    }

    /** Files that were skipped wholly or in part (a bad line, a torn end). */
    public int skippedFiles() {
        return skippedFiles.size();
    }

    public long skippedLines() {
        return skippedLines;
    }

    public ForeignEntries foreign() {
        return foreign;
    }

    /**
     * One line on what was skipped, or null when everything was read: how many files (wholly or in
     * part) and lines, the first such file and why; entries that are not the sink's; folders that
     * could not be read.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!skippedFiles.isEmpty()) {
            text.append("skipped ").append(skippedFiles.size()).append(" of ").append(filesRead)
                    .append(" files in whole or in part: ");
            String separator = "";
            if (unreadableFiles > 0) {
                text.append(unreadableFiles).append(" unreadable or not gzip");
                separator = ", ";
            }
            if (cutOffFiles > 0) {
                text.append(separator).append(cutOffFiles).append(" cut off (the whole lines before kept)");
                separator = ", ";
            }
            if (skippedLines > 0) {
                text.append(separator).append(skippedLines).append(skippedLines == 1 ? " line" : " lines")
                        .append(" not a sample");
            }
            text.append("; first: ").append(first);
        }
        if (foreign.count() > 0) {
            text.append(text.length() > 0 ? "; " : "").append("not read, not written by the agent: ")
                    .append(foreign.describe());
        }
        if (foreign.unreadable() > 0) {
            text.append(text.length() > 0 ? "; " : "").append("cannot read ").append(foreign.unreadable())
                    .append(foreign.unreadable() == 1 ? " folder" : " folders").append(", e.g. ")
                    .append(foreign.firstUnreadable());
        }
        return text.length() == 0 ? null : text.toString();
    }
}
