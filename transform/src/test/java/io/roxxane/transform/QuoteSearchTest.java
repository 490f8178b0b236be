package io.roxxane.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FastEventReader#quoteOrBackslash} finds what a byte-by-byte search finds, on any bytes. */
class QuoteSearchTest {
    @Test
    void quoteOrBackslash_onRandomBytesFromRandomOffsets_findsTheFirstQuoteOrBackslash() {
        Random random = new Random(42);
        byte[] alphabet = {'"', '\\', 'A', '=', '+', '/', (byte) 0x80, (byte) 0xA2, (byte) 0xDC, (byte) 0xFF, 0x00,
            0x01, 0x21, 0x23, 0x5B, 0x5D, 0x5C - 0x80};
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] bytes = new byte[random.nextInt(40)];
            int sparse = 1 + random.nextInt(30); // from dense to rare specials
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(sparse) == 0 ? alphabet[random.nextInt(alphabet.length)]
                        : (byte) ('a' + random.nextInt(26));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int length = from + random.nextInt(bytes.length - from + 1);
            assertEquals(naive(bytes, from, length), FastEventReader.quoteOrBackslash(bytes, from, length),
                    "trial " + trial);
        }
    }

    private static int naive(byte[] bytes, int from, int length) {
        for (int i = from; i < length; i++) {
            if (bytes[i] == '"' || bytes[i] == '\\') {
                return i;
            }
        }
        return -1;
    }
}
