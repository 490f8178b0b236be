package io.roxxane.registrar;

import io.roxxane.schema.PartitionRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * A Glue whose BatchCreatePartition answers are scripted per partition (values joined by
 * {@code /}) and whose table is partitioned as {@link PartitionRule#KEYS}; records every
 * BatchCreatePartition request. Only for error paths moto cannot produce.
 */
final class ScriptedGlue implements GlueClient {
    final Map<String, String> errorByPath = new HashMap<>();
    final List<BatchCreatePartitionRequest> requests = new ArrayList<>();
    int getTableCalls;
    private final StorageDescriptor tableStorage;

    ScriptedGlue(StorageDescriptor tableStorage) {
        this.tableStorage = tableStorage;
    }

    @Override
    public GetTableResponse getTable(GetTableRequest request) {
        getTableCalls++;
        return GetTableResponse.builder().table(t -> t
                .name(request.name())
                .databaseName(request.databaseName())
                .partitionKeys(PartitionRule.KEYS.stream().map(k -> Column.builder().name(k).type("string").build()).toList())
                .storageDescriptor(tableStorage)).build();
    }

    @Override
    public BatchCreatePartitionResponse batchCreatePartition(BatchCreatePartitionRequest request) {
        requests.add(request);
        List<PartitionError> errors = new ArrayList<>();
        for (PartitionInput input : request.partitionInputList()) {
            String code = errorByPath.get(String.join("/", input.values()));
            if (code != null) {
                errors.add(PartitionError.builder().partitionValues(input.values())
                        .errorDetail(ErrorDetail.builder().errorCode(code).errorMessage(code + " message").build())
                        .build());
            }
        }
        return BatchCreatePartitionResponse.builder().errors(errors).build();
    }

    @Override
    public String serviceName() {
        return "glue";
    }

    @Override
    public void close() {
    }
}
