package io.roxxane.athena;

import io.roxxane.athena.glue.TableHistory;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the {@link DataLake}: built on first use in {@code target/athena-lake} (kept after
 * the run for inspection), shared by every test class of the JVM, closed when the run ends.
 * Start-up and conversion times go to standard output (surefire's {@code *-output.txt}).
 */
public final class DataLakeExtension implements ParameterResolver {
    private static final Path ROOT = Path.of("target", "athena-lake");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DataLake.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class).lake;
    }

    private static final class Holder implements AutoCloseable {
        private final DataLake lake;

        Holder() {
            try {
                lake = DataLake.create(ROOT.toAbsolutePath());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("could not build the data lake: " + e.getMessage(), e);
            }
            long before = lake.partitions().stream().filter(p -> p.tableVersionId().equals(TableHistory.BEFORE)).count();
            System.out.println("[athena-tests] " + lake.delivery().objects().size() + " Parquet objects, "
                    + lake.partitions().size() + " partitions (" + before + " registered with the schema-1 columns), "
                    + lake.stored().size() + " rows; timings " + lake.timings());
        }

        @Override
        public void close() {
            lake.close();
        }
    }
}
