package dev.watershed.domain.notification;

import dev.watershed.domain.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook URL taken apart the way the sender uses it. Parsing never resolves a name: an IP literal is read from
 * its text, anything else stays a name for the sender to resolve (and {@link WebhookTargetPolicy} to check again).
 *
 * @param url          the URL as given
 * @param https        whether the scheme is https (else http)
 * @param host         lower case, without IPv6 brackets or a final dot: what the Host header and the TLS name carry
 * @param port         the explicit port, or 80 / 443
 * @param pathAndQuery the raw path and query, {@code /} when the URL has none
 * @param userInfo     the raw credentials before {@code @}, {@code null} when there are none
 * @param literal      the address when the host is an IP literal in standard form, {@code null} for a name
 */
public record WebhookTarget(
        String url, boolean https, String host, int port, String pathAndQuery, String userInfo, InetAddress literal) {

    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    /** Decimal, octal (leading 0) or hex (0x) parts: what inet_aton and many HTTP clients read as an IPv4 address. */
    private static final Pattern NUMERIC = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");

    private static final Pattern NUMERIC_AUTHORITY = Pattern.compile("(?:[^@]*@)?([0-9a-fx.]+?)(?::([0-9]{1,5}))?");
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*" + "[a-z0-9])?)*");
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "([?&;])([^=&#;]*(?:token|secret|key|pass|pwd" + "|auth|sig|credential|session|jwt)[^=&#;]*)=([^&#;]*)",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param pointer where the URL sits in the request, for the error
     * @throws InvalidInputException when {@code url} is not an http or https URL with a usable host
     */
    public static WebhookTarget parse(String url, String pointer) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new InvalidInputException(pointer, "'" + redact(url) + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException(
                    pointer,
                    "'" + redact(url) + "' is not an http or https URL: webhooks" + " are sent by HTTP POST only");
        }
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null && uri.getRawAuthority() != null) {
            // java.net.URI gives no host for numbers it cannot read as an IPv4 address (0x7f.1, 127.1, 10.0.0.1.):
            // take them from the authority, so the policy can say what they are.
            Matcher numeric = NUMERIC_AUTHORITY.matcher(uri.getRawAuthority().toLowerCase(Locale.ROOT));
            if (numeric.matches()) {
                host = numeric.group(1);
                port = numeric.group(2) == null ? -1 : Integer.parseInt(numeric.group(2));
            }
        }
        if (host == null || host.isEmpty()) {
            throw new InvalidInputException(
                    pointer,
                    "'" + redact(url) + "' has no host name or address Watershed"
                            + " can use: write a DNS name (letters, digits, '-' and '.') or an IP address");
        }
        host = host.toLowerCase(Locale.ROOT);
        InetAddress literal = null;
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
            if (host.contains("%")) {
                throw new InvalidInputException(
                        pointer, "'" + redact(url) + "' names an IPv6 zone: use a public" + " address without one");
            }
            literal = ipv6(host)
                    .orElseThrow(() -> new InvalidInputException(
                            pointer, "'" + redact(url) + "' holds an IPv6 address Watershed cannot read"));
        } else {
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (DOTTED_QUAD.matcher(host).matches()) {
                literal = ipv4(host);
            } else if (!NUMERIC.matcher(host).matches()
                    && !HOST_NAME.matcher(host).matches()) {
                throw new InvalidInputException(
                        pointer,
                        "'" + redact(url) + "' has a host name Watershed cannot"
                                + " use: write letters, digits, '-' and '.'");
            }
        }
        boolean https = scheme.equals("https");
        port = port >= 0 ? port : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new WebhookTarget(url, https, host, port, path + query, uri.getRawUserInfo(), literal);
    }

    /**
     * Whether the host is a number in a form other than four decimal parts, such as {@code 2130706433},
     * {@code 0x7f.1} or {@code 0177.0.0.1}: clients disagree about what those mean (Java reads {@code 0177} as 177,
     * curl as 127), so Watershed never calls them.
     */
    public boolean ambiguousNumber() {
        return literal == null && numeric(host);
    }

    static boolean numeric(String host) {
        return NUMERIC.matcher(host).matches();
    }

    /**
     * What most resolvers (inet_aton) read an {@link #ambiguousNumber()} as, e.g. {@code 127.0.0.1} for
     * {@code 2130706433}; empty when the number is no IPv4 address at all.
     */
    public Optional<String> numberAsRead() {
        String[] parts = host.split("\\.", -1);
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            try {
                values[i] = part.startsWith("0x")
                        ? Long.parseLong(part.substring(2), 16)
                        : part.length() > 1 && part.startsWith("0")
                                ? Long.parseLong(part.substring(1), 8)
                                : Long.parseLong(part);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address = address << 8 | values[i];
        }
        int lastBits = 8 * (5 - values.length);
        if (values[values.length - 1] >= 1L << lastBits) {
            return Optional.empty();
        }
        address = address << lastBits | values[values.length - 1];
        return Optional.of((address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "."
                + (address & 255));
    }

    /** Whether the host is {@code localhost} or a name under it, which always means this machine (RFC 6761). */
    public boolean localhostName() {
        return host.equals("localhost") || host.endsWith(".localhost");
    }

    /** The URL without credentials, fit to show: see {@link #redact(String)}. */
    public String redacted() {
        return redact(url);
    }

    /**
     * {@code text} with the credentials of a URL replaced by {@code ***}: the user info before {@code @}, and the
     * values of query parameters whose names look like a token, key, secret, password or signature. Anything that is
     * no URL comes back unchanged.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String withoutUser = USER_INFO.matcher(text).replaceFirst("$1***@");
        int query = withoutUser.indexOf('?');
        return query < 0
                ? withoutUser
                : withoutUser.substring(0, query)
                        + SECRET_PARAMETER.matcher(withoutUser.substring(query)).replaceAll("$1$2=***");
    }

    private static InetAddress ipv4(String dottedQuad) {
        String[] parts = dottedQuad.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return address(bytes);
    }

    /** Brackets make Java read the text as an IPv6 literal only: it never falls back to a DNS lookup. */
    private static Optional<InetAddress> ipv6(String text) {
        if (!text.matches("[0-9a-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName("[" + text + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
