package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class S3EventRecordTest {

    @Test
    void decodedKey_whenFormEncoded_decodesPlusAndPercent() {
        S3EventRecord record = new S3EventRecord("ObjectCreated:Put", "b", "m/service%3Da/x+y%2Bz%C3%A9.parquet");

        assertEquals("m/service=a/x y+zé.parquet", record.decodedKey());
    }

    @Test
    void decodedKey_whenMalformedEncoding_throwsUnrecognisedKey() {
        S3EventRecord record = new S3EventRecord("ObjectCreated:Put", "b", "m/service%3/x%zz");

        UnrecognisedKeyException e = assertThrows(UnrecognisedKeyException.class, record::decodedKey);
        assertTrue(e.getMessage().contains("URL encoding"), e.getMessage());
    }

    @Test
    void isObjectCreated_whenCreatedOrOther_tellsThemApart() {
        assertTrue(new S3EventRecord("ObjectCreated:CompleteMultipartUpload", "b", "k").isObjectCreated());
        assertFalse(new S3EventRecord("ObjectRemoved:Delete", "b", "k").isObjectCreated());
        assertFalse(new S3EventRecord(null, "b", "k").isObjectCreated());
    }
}
