package io.roxxane.athena.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRecordSplitterTest {
    private static List<String> split(String data) throws IOException {
        return JsonRecordSplitter.split(data.getBytes(StandardCharsets.UTF_8)).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void newlineDelimitedAndConcatenatedObjects_areSplit_eachKeptByteForByte() throws IOException {
        assertEquals(List.of("{\"a\":1.50}", "{\"b\":{\"c\":\"ü\"}}", "{\"d\":[1]}"),
                split("{\"a\":1.50}\n{\"b\":{\"c\":\"ü\"}}{\"d\":[1]}\n"));
    }

    @Test
    void somethingElseThanObjects_fails() {
        assertThrows(IOException.class, () -> split("[{\"a\":1}]"));
        assertThrows(IOException.class, () -> split("{\"a\":1} 7"));
    }
}
