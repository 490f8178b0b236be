package io.roxxane.testsupport;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a host name is a loopback address: tests reach no other. */
public final class Loopback {
    private Loopback() {
    }

    /** True if every address {@code host} resolves to is a loopback address. */
    public static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
