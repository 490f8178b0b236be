package io.roxxane.athena.firehose;

import io.roxxane.athena.firehose.DeliveryRequest.Flush;
import io.roxxane.athena.firehose.DeliveryRequest.TableVersion;
import io.roxxane.provisioner.aws.StackIdentity;
import io.roxxane.provisioner.config.JarLocator;
import io.roxxane.provisioner.config.Settings;
import io.roxxane.provisioner.config.SettingsResolver;
import io.roxxane.provisioner.resources.DeliveryStreamResource;
import io.roxxane.provisioner.resources.spec.DeliveryStreamSpec;
import io.roxxane.provisioner.stack.StackLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The delivery stream as the provisioner configures it, read from the provisioner's own desired
 * stream ({@code DeliveryStreamResource.desiredSpec}) for a stack at its default settings (stack
 * {@code roxxane}: stream {@code roxxane-metrics}, data prefix {@code metrics/}, database
 * {@code roxxane}, table {@code metrics}, the catalog template's defaults too): the prefixes, the
 * record format conversion's JSON deserializer with its options, the Parquet compression. The
 * converter runs exactly these, so the tests and the stream cannot drift apart.
 */
public record DeliveryStream(String name, String prefix, String errorOutputPrefix, String deserializer,
                             Map<String, String> deserializerOptions, String compression) {

    public static DeliveryStream asProvisioned() {
        Path here = Path.of(".").toAbsolutePath();
        Settings settings = new SettingsResolver(Map.of(), Map.of(), Map.of(), new JarLocator(here, here)).resolve(false);
        DeliveryStreamSpec spec = DeliveryStreamResource.desiredSpec(StackLayout.of(settings,
                new StackIdentity("123456789012", "aws", "eu-west-1")));
        return new DeliveryStream(settings.deliveryStreamName(), spec.prefix(), spec.errorOutputPrefix(),
                spec.deserializer().serDe(), spec.deserializer().options(), spec.parquetCompression());
    }

    /** The prefix's fixed part, before the first expression ({@code metrics/}). */
    public String dataPrefix() {
        return prefix.substring(0, prefix.indexOf("service=!{"));
    }

    /** The request for the converter: this stream, the table's versions, the records. */
    public DeliveryRequest request(List<TableVersion> tableVersions, List<Flush> flushes) {
        return new DeliveryRequest(name, prefix, errorOutputPrefix, deserializer, deserializerOptions, compression, tableVersions,
                flushes);
    }
}
