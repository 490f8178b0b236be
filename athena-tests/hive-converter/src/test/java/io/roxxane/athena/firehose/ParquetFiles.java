package io.roxxane.athena.firehose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Reads a Parquet file back with parquet-java itself (not with Hive): its footer and its records. */
final class ParquetFiles {
    private ParquetFiles() {
    }

    static ParquetMetadata footer(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            return reader.getFooter();
        }
    }

    static List<Group> records(Path file) throws IOException {
        List<Group> records = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                new org.apache.hadoop.fs.Path(file.toUri())).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                records.add(g);
            }
        }
        return records;
    }
}
