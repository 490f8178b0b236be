package io.roxxane.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackTest {
    @Test
    void isLoopback_acceptsOnlyLoopbackHosts() {
        assertTrue(Loopback.isLoopback("127.0.0.1"));
        assertTrue(Loopback.isLoopback("::1"));
        assertTrue(Loopback.isLoopback("localhost"));
        assertFalse(Loopback.isLoopback("10.1.2.3"));
        assertFalse(Loopback.isLoopback("192.168.99.100"));
        assertFalse(Loopback.isLoopback("169.254.169.254"));
        assertFalse(Loopback.isLoopback(""));
        assertFalse(Loopback.isLoopback(null));
    }
}
