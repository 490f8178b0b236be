package io.roxxane.agent;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.CollectorSet;
import io.roxxane.agent.collect.NamedCollector;
import io.roxxane.agent.collect.app.AppMetricsCollector;
import io.roxxane.agent.collect.app.AppSettings;
import io.roxxane.agent.collect.app.BeanSource;
import io.roxxane.agent.collect.app.builtin.BuiltinSets;
import io.roxxane.agent.collect.app.rules.RuleSource;
import io.roxxane.agent.config.AgentConfig;

import io.roxxane.agent.collect.host.DiskCollector;
import io.roxxane.agent.collect.host.HostCpuCollector;
import io.roxxane.agent.collect.host.HostMemoryCollector;
import io.roxxane.agent.collect.host.HostUptimeCollector;
import io.roxxane.agent.collect.host.OshiFallback;
import io.roxxane.agent.collect.host.PressureCollector;
import io.roxxane.agent.collect.host.ProcessMemoryCollector;
import io.roxxane.agent.collect.host.container.CgroupPaths;
import io.roxxane.agent.collect.host.container.ContainerCpuCollector;
import io.roxxane.agent.collect.host.container.ContainerLimitsCollector;
import io.roxxane.agent.collect.host.container.ContainerMemoryCollector;
import io.roxxane.agent.collect.host.container.ContainerPidsCollector;
import io.roxxane.agent.collect.host.fs.FileSystemsCollector;
import io.roxxane.agent.collect.host.net.NetworkCollector;
import io.roxxane.agent.collect.host.net.TcpCollector;
import io.roxxane.agent.collect.jvm.AllocationCollector;
import io.roxxane.agent.collect.jvm.BufferPoolCollector;
import io.roxxane.agent.collect.jvm.ClassLoadingCollector;
import io.roxxane.agent.collect.jvm.GcActivityCollector;
import io.roxxane.agent.collect.jvm.GcCollector;
import io.roxxane.agent.collect.jvm.JitCollector;
import io.roxxane.agent.collect.jvm.JvmMemoryCollector;
import io.roxxane.agent.collect.jvm.JvmUptimeCollector;
import io.roxxane.agent.collect.jvm.MemoryPoolCollector;
import io.roxxane.agent.collect.jvm.ProcessCollector;
import io.roxxane.agent.collect.jvm.ThreadCollector;
import io.roxxane.agent.collect.jvm.ThreadStateCollector;
import io.roxxane.agent.collect.jvm.VirtualThreadCollector;
import io.roxxane.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The collectors the agent runs. Each is created on its own: one that cannot start (an MXBean
 * this JVM lacks, host metrics where neither /proc nor OSHI serves them) is left out with one
 * warning and the rest run. On Linux the host collectors read /proc, /sys and the JDK, and OSHI
 * is built only if one of those cannot be read; elsewhere OSHI serves them where it runs.
 */
public final class DefaultCollectors {
    /** How many host collectors there are, for the count of unavailable ones off Linux. */
    static final int HOST_COLLECTORS = 13;

    private DefaultCollectors() {
    }

    public static CollectorSet create() {
        List<NamedCollector> collectors = new ArrayList<NamedCollector>();
        int unavailable = addJvmCollectors(collectors);
        unavailable += addHostCollectors(collectors);
        return new CollectorSet(collectors, unavailable);
    }

    /**
     * The JVM collectors, those that read the same MXBeans next to each other: at one sample a
     * second each one's code and data start cold, and a neighbour that has just used them helps.
     */
    private static int addJvmCollectors(List<NamedCollector> collectors) {
        int unavailable = 0;
        unavailable += add(collectors, "jvm-memory", new Factory() {
            public Collector create() {
                return new JvmMemoryCollector();
            }
        });
        unavailable += add(collectors, "jvm-memory-pools", new Factory() {
            public Collector create() {
                return new MemoryPoolCollector();
            }
        });
        unavailable += add(collectors, "jvm-buffers", new Factory() {
            public Collector create() {
                return new BufferPoolCollector();
            }
        });
        unavailable += add(collectors, "jvm-gc", new Factory() {
            public Collector create() {
                return new GcCollector();
            }
        });
        unavailable += add(collectors, "jvm-gc-activity", new Factory() {
            public Collector create() {
                return new GcActivityCollector();
            }
        });
        unavailable += add(collectors, "jvm-threads", new Factory() {
            public Collector create() {
                return new ThreadCollector();
            }
        });
        unavailable += add(collectors, "jvm-thread-states", new Factory() {
            public Collector create() {
                return new ThreadStateCollector();
            }
        });
        if (VirtualThreadCollector.supported()) { // JDK 24+; before, the columns stay null without a warning
            unavailable += add(collectors, "jvm-virtual-threads", new Factory() {
                public Collector create() throws Exception {
                    return new VirtualThreadCollector();
                }
            });
        }
        unavailable += add(collectors, "jvm-classes", new Factory() {
            public Collector create() {
                return new ClassLoadingCollector();
            }
        });
        unavailable += add(collectors, "jvm-jit", new Factory() {
            public Collector create() {
                return new JitCollector();
            }
        });
        unavailable += add(collectors, "jvm-allocation", new Factory() {
            public Collector create() throws Exception {
                return new AllocationCollector();
            }
        });
        unavailable += add(collectors, "jvm-uptime", new Factory() {
            public Collector create() {
                return new JvmUptimeCollector();
            }
        });
        unavailable += add(collectors, "process", new Factory() {
            public Collector create() {
                return new ProcessCollector();
            }
        });
        return unavailable;
    }

    /**
     * The collectors of {@link #create()} and, last, the application's MBeans: the built-in sets of
     * {@code jmx_sets} and the rules of {@code jmx_config} ({@code app_metrics}), when either is on.
     */
    public static CollectorSet create(AgentConfig config) {
        CollectorSet base = create();
        List<BeanSource> sources = new ArrayList<BeanSource>(BuiltinSets.named(config.jmxSets()));
        if (config.jmxRules() != null) {
            sources.add(new RuleSource(config.jmxRules()));
        }
        if (sources.isEmpty()) {
            return base;
        }
        List<NamedCollector> collectors = new ArrayList<NamedCollector>(base.collectors());
        AppSettings settings = new AppSettings(sources, config.jmxMaxMBeans(), config.jmxMaxValues(),
                AppSettings.DEFAULT_BUDGET_MILLIS);
        collectors.add(new NamedCollector("app-mbeans", new AppMetricsCollector(settings)));
        return new CollectorSet(collectors, base.disabledCount());
    }

    private static int addHostCollectors(List<NamedCollector> collectors) {
        final OshiFallback oshi = new OshiFallback();
        if (!isLinux()) {
            try {
                if (!oshi.isAvailable()) {
                    AgentLog.warn("host metrics are only collected on Linux (this is " + System.getProperty("os.name")
                            + "); JVM metrics go on");
                    return HOST_COLLECTORS;
                }
            } catch (Throwable t) {
                AgentLog.warn("host metrics unavailable: " + AgentLog.describe(t) + "; JVM metrics go on");
                return HOST_COLLECTORS;
            }
        }
        int unavailable = 0;
        unavailable += add(collectors, "host-cpu", new Factory() {
            public Collector create() {
                return new HostCpuCollector(oshi);
            }
        });
        unavailable += add(collectors, "host-memory", new Factory() {
            public Collector create() {
                return new HostMemoryCollector(oshi);
            }
        });
        unavailable += add(collectors, "host-network", new Factory() {
            public Collector create() throws Exception {
                return new NetworkCollector(oshi);
            }
        });
        unavailable += add(collectors, "host-disk", new Factory() {
            public Collector create() {
                return new DiskCollector(oshi);
            }
        });
        unavailable += add(collectors, "host-uptime", new Factory() {
            public Collector create() {
                return new HostUptimeCollector(oshi);
            }
        });
        unavailable += add(collectors, "process-memory", new Factory() {
            public Collector create() {
                return new ProcessMemoryCollector(oshi);
            }
        });
        unavailable += add(collectors, "host-pressure", new Factory() {
            public Collector create() {
                return new PressureCollector();
            }
        });
        unavailable += add(collectors, "host-file-systems", new Factory() {
            public Collector create() {
                return new FileSystemsCollector();
            }
        });
        unavailable += add(collectors, "host-tcp", new Factory() {
            public Collector create() {
                return new TcpCollector();
            }
        });
        final CgroupPaths cgroup = CgroupPaths.ofThisProcess();
        unavailable += add(collectors, "container-limits", new Factory() {
            public Collector create() {
                return new ContainerLimitsCollector(cgroup);
            }
        });
        unavailable += add(collectors, "container-cpu", new Factory() {
            public Collector create() {
                return new ContainerCpuCollector(cgroup);
            }
        });
        unavailable += add(collectors, "container-memory", new Factory() {
            public Collector create() {
                return new ContainerMemoryCollector(cgroup);
            }
        });
        unavailable += add(collectors, "container-pids", new Factory() {
            public Collector create() {
                return new ContainerPidsCollector(cgroup);
            }
        });
        return unavailable;
    }

    /** Linux, where the host collectors read /proc and /sys themselves and OSHI is not built. */
    private static boolean isLinux() {
        return System.getProperty("os.name", "").startsWith("Linux");
    }

    /** Adds the collector the factory makes; returns 1 if it could not be made. */
    private static int add(List<NamedCollector> collectors, String name, Factory factory) {
        try {
            collectors.add(new NamedCollector(name, factory.create()));
            return 0;
        } catch (Throwable t) {
            AgentLog.warn("collector " + name + " unavailable: " + AgentLog.describe(t) + "; the others go on");
            return 1;
        }
    }

    private interface Factory {
        Collector create() throws Exception;
    }
}
