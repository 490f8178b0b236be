package io.roxxane.athena.firehose;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.hive.ql.exec.FileSinkOperator;
import org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat;
import org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe;
import org.apache.hadoop.hive.serde2.SerDeException;
import org.apache.hadoop.hive.serde2.io.ParquetHiveRecord;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hive.hcatalog.data.JsonSerDe;

/**
 * One Parquet object written the way Firehose's record format conversion writes it, with Apache
 * Hive's own classes: each JSON record deserialized by HCatalog's {@code JsonSerDe} (Firehose's
 * {@code HiveJsonSerDe}) against the Glue table's columns, serialized by {@code ParquetHiveSerDe},
 * written by {@code MapredParquetOutputFormat}'s record writer with the stream's compression.
 */
final class HiveParquetFile implements Closeable {
    private final JsonSerDe json = new JsonSerDe();
    private final ParquetHiveSerDe parquet = new ParquetHiveSerDe();
    private final FileSinkOperator.RecordWriter writer;
    private int rows;

    /**
     * The Hadoop configuration the writers share (reading Hadoop's defaults is slow): the raw local
     * file system writes each object alone, without Hadoop's {@code .crc} side files (S3 has none);
     * block and page size are the Parquet SerDe's documented defaults in Firehose (256 MiB, 1 MiB),
     * which the provisioner leaves as they are. The compression comes with the table properties.
     */
    static JobConf configuration() {
        JobConf conf = new JobConf();
        conf.set("fs.file.impl", RawLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        conf.setLong("parquet.block.size", 256L * 1024 * 1024);
        conf.setInt("parquet.page.size", 1024 * 1024);
        return conf;
    }

    HiveParquetFile(java.nio.file.Path file, Map<String, String> tableProperties, JobConf conf) throws IOException {
        Properties properties = new Properties();
        properties.putAll(tableProperties);
        try {
            json.initialize(conf, properties, null);
            parquet.initialize(conf, properties, null);
        } catch (SerDeException e) {
            throw new IOException("Hive refused the table's columns: " + e.getMessage(), e);
        }
        writer = new MapredParquetOutputFormat().getHiveRecordWriter(conf, new Path(file.toUri()),
                ParquetHiveRecord.class, true, properties, Reporter.NULL);
    }

    /**
     * Converts one record.
     *
     * @throws SerDeException if the JSON SerDe cannot read it against the columns (Firehose then
     *         writes the record to the error prefix as {@code format-conversion-failed})
     */
    void write(byte[] record) throws SerDeException, IOException {
        Object row = json.deserialize(new Text(record));
        writer.write(parquet.serialize(row, json.getObjectInspector()));
        rows++;
    }

    int rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        writer.close(false);
    }
}
