/**
 * The one rule for every file operation of the agent (the file sink's disk cap and salvage, the
 * Firehose spool and its recovery, any later cleanup): <b>the agent touches only what it can prove
 * it wrote.</b>
 *
 * <ul>
 *   <li>An {@link io.roxxane.agent.files.OwnedLayout} says which folder and file names, at which
 *       depth, the agent writes under its directory. {@link io.roxxane.agent.files.OwnedTree}
 *       reads, counts, renames and deletes only entries that match it and belong to the agent's
 *       user ({@link io.roxxane.agent.files.FileOwner}); everything else is a foreign entry,
 *       counted in {@link io.roxxane.agent.files.ForeignEntries} and never read, changed or
 *       deleted.</li>
 *   <li>A symbolic link found inside the directory is never followed: it is counted and skipped.
 *       {@link io.roxxane.agent.files.OwnedFolder} opens each folder relative to its parent with
 *       {@code O_NOFOLLOW} and names every entry relative to an open folder
 *       ({@code SecureDirectoryStream}, where the platform has it), so a folder swapped for a
 *       link between a check and an operation is refused, not entered.</li>
 *   <li>Only folders of the layout that belong to the agent's user and are empty are removed; the
 *       directory itself never.</li>
 *   <li>What the agent creates is not writable by group or others: folders {@code rwxr-x---},
 *       files {@code rw-r-----} (the umask can only make them tighter), where the file system has
 *       POSIX permissions. {@link io.roxxane.agent.files.OpenDirectory} warns about a configured
 *       directory that every user may write and that lacks the sticky bit.</li>
 * </ul>
 *
 * <p>May depend on: {@code log}. Never on the sinks: the sinks describe their layouts here.
 */
package io.roxxane.agent.files;
