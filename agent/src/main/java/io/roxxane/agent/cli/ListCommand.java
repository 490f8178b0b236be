package io.roxxane.agent.cli;

import io.roxxane.agent.cli.attach.AttachApi;
import io.roxxane.agent.cli.attach.LocalJvm;
import io.roxxane.agent.cli.attach.LocalJvms;
import io.roxxane.agent.cli.attach.PerfDataScanner;
import io.roxxane.agent.cli.attach.ProcessInspector;
import io.roxxane.agent.log.AgentLog;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code list}: the local JVMs one can attach to, with pid and main class or jar. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the JVMs on this machine you can attach to: pid and main class or jar.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AttachApi attachApi = AttachApi.find();
        if (attachApi == null) {
            err.println("note: this Java (" + System.getProperty("java.home") + ") has no attach support (module"
                    + " jdk.attach); listing JVMs from their performance-data files; to attach, use a JDK's java");
            err.flush();
        }
        List<LocalJvm> jvms;
        try {
            jvms = new LocalJvms(attachApi, new ProcessInspector(), new PerfDataScanner()).list();
        } catch (Exception e) {
            err.println("cannot list the local JVMs: " + AgentLog.describe(e));
            err.flush();
            return 1;
        }
        out.println(String.format("%-8s %s", "PID", "MAIN"));
        for (LocalJvm jvm : jvms) {
            out.println(String.format("%-8d %s", jvm.pid(), jvm.main()));
        }
        out.flush();
        return 0;
    }
}
