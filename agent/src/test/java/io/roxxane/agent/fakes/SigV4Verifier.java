package io.roxxane.agent.fakes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test oracle for AWS Signature Version 4, written from AWS's description of the algorithm
 * (canonical request, string to sign, derived signing key), independent of the SDK's signer. It
 * recomputes the signature of a request as received and says what, if anything, is wrong with it.
 */
public final class SigV4Verifier {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]{64})");

    private final String accessKeyId;
    private final String secretKey;
    private final String region;
    private final String service;

    public SigV4Verifier(String accessKeyId, String secretKey, String region, String service) {
        this.accessKeyId = accessKeyId;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
    }

    /**
     * @param headers request headers, names in any case, first value of each
     * @return null when the signature is right, else what is wrong
     */
    public String problem(String method, String path, Map<String, String> headers, byte[] body) throws Exception {
        String authorization = header(headers, "authorization");
        if (authorization == null) {
            return "no Authorization header";
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return "Authorization is not SigV4: " + authorization;
        }
        if (!m.group(1).equals(accessKeyId) || !m.group(3).equals(region) || !m.group(4).equals(service)) {
            return "credential scope " + m.group(1) + "/" + m.group(3) + "/" + m.group(4) + ", expected "
                    + accessKeyId + "/" + region + "/" + service;
        }
        String amzDate = header(headers, "x-amz-date");
        if (amzDate == null || !amzDate.startsWith(m.group(2))) {
            return "X-Amz-Date " + amzDate + " does not match the scope's date " + m.group(2);
        }
        List<String> signed = List.of(m.group(5).split(";"));
        for (String required : List.of("host", "x-amz-date", "x-amz-target", "content-type")) {
            if (!signed.contains(required)) {
                return required + " is not signed (" + m.group(5) + ")";
            }
        }
        List<String> sorted = new ArrayList<>(signed);
        sorted.sort(null);
        if (!sorted.equals(signed)) {
            return "SignedHeaders not sorted: " + m.group(5);
        }
        StringBuilder canonical = new StringBuilder();
        canonical.append(method).append('\n').append(path.isEmpty() ? "/" : path).append('\n').append('\n');
        for (String name : signed) {
            String value = header(headers, name);
            if (value == null) {
                return "signed header " + name + " is missing from the request";
            }
            canonical.append(name).append(':').append(value.trim().replaceAll(" +", " ")).append('\n');
        }
        canonical.append('\n').append(m.group(5)).append('\n').append(hex(sha256(body)));
        String payloadHash = header(headers, "x-amz-content-sha256");
        if (payloadHash != null && !payloadHash.equals(hex(sha256(body)))) {
            return "x-amz-content-sha256 is not the body's hash";
        }
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + m.group(2) + "/" + region + "/" + service
                + "/aws4_request\n" + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), m.group(2));
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        return expected.equals(m.group(6)) ? null : "signature " + m.group(6) + " is not " + expected;
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return s.toString();
    }
}
