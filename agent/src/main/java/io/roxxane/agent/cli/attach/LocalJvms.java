package io.roxxane.agent.cli.attach;

import io.roxxane.agent.identity.ProcessId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** The JVMs on this machine that this user may attach to. */
public final class LocalJvms {
    private final AttachApi attachApi;
    private final ProcessInspector processes;
    private final PerfDataScanner perfData;

    public LocalJvms(AttachApi attachApi, ProcessInspector processes, PerfDataScanner perfData) {
        this.attachApi = attachApi;
        this.processes = processes;
        this.perfData = perfData;
    }

    /**
     * The attach API's list when this Java has one, else the JVMs found by their
     * performance-data files that are alive and belong to this user; without this JVM; by pid.
     */
    public List<LocalJvm> list() throws Exception {
        List<LocalJvm> jvms = attachApi != null ? attachApi.list() : scan();
        long self = ProcessId.current();
        List<LocalJvm> result = new ArrayList<LocalJvm>();
        for (LocalJvm jvm : jvms) {
            if (jvm.pid() != self) {
                result.add(jvm);
            }
        }
        Collections.sort(result, new Comparator<LocalJvm>() {
            @Override
            public int compare(LocalJvm a, LocalJvm b) {
                return Long.compare(a.pid(), b.pid());
            }
        });
        return result;
    }

    private List<LocalJvm> scan() {
        List<LocalJvm> jvms = new ArrayList<LocalJvm>();
        Integer me = processes.currentUid();
        for (long pid : perfData.pids()) {
            ProcessFacts facts = processes.inspect(pid);
            if (Boolean.FALSE.equals(facts.exists())) {
                continue; // stale file of a JVM that died
            }
            boolean root = me != null && me == 0;
            if (!root && me != null && facts.ownerUid() != null && !me.equals(facts.ownerUid())) {
                continue; // another user's JVM: cannot be attached to from here
            }
            jvms.add(new LocalJvm(pid, JavaCommandLine.mainOf(facts.commandLine())));
        }
        return jvms;
    }
}
