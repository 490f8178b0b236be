package io.roxxane.agent.sink.firehose;

import java.util.regex.Pattern;

/**
 * Last line of defence for log lines built from SDK messages: masks anything that looks like an
 * AWS access key id, a secret key or a session token, and signature headers.
 */
public final class SecretRedactor {
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\\b");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)(secret[_ ]?access[_ ]?key|session[_ ]?token|aws_secret_access_key|aws_session_token"
                    + "|x-amz-security-token|signature|credential)(\\s*[=:]\\s*)[^\\s,;&\"']+");
    private static final Pattern LONG_BASE64 = Pattern.compile("\\b[A-Za-z0-9/+]{40}\\b");

    private SecretRedactor() {
    }

    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String s = ACCESS_KEY_ID.matcher(text).replaceAll("<redacted>");
        s = NAMED_SECRET.matcher(s).replaceAll("$1$2<redacted>");
        return LONG_BASE64.matcher(s).replaceAll("<redacted>");
    }
}
