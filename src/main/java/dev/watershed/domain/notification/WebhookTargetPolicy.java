package dev.watershed.domain.notification;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may be sent to, so that subscriptions cannot turn the registry into a client for its
 * own network (SSRF) or a port scanner. Public addresses are allowed; loopback, private, shared, link-local,
 * unique-local, multicast, unspecified and reserved ones are refused, also when written as IPv4-mapped,
 * IPv4-compatible, NAT64 or 6to4 IPv6 addresses, and so are hosts written as numbers in any form but four decimal
 * parts. An allow-list of host names and CIDR ranges lets operators reach internal receivers on purpose.
 *
 * <p>The policy is applied twice: {@link #check} on the URL when a subscription or team is saved (which catches
 * literal addresses and {@code localhost} without resolving anything), and {@link #refusal(WebhookTarget,
 * InetAddress)} by the sender on every address a name resolved to, just before it connects to one of them, so that
 * a name that points at an internal address, or is made to later (DNS rebinding), is still refused. Immutable.
 */
public final class WebhookTargetPolicy {

    /** What an address is, for the decision and for the explanation. */
    public enum AddressKind {
        PUBLIC("a public address"),
        LOOPBACK("a loopback address"),
        PRIVATE("a private address"),
        SHARED("a shared (carrier-grade NAT) address"),
        LINK_LOCAL("a link-local address"),
        SITE_LOCAL("a site-local address"),
        UNIQUE_LOCAL("a unique local address"),
        MULTICAST("a multicast address"),
        UNSPECIFIED("an unspecified address"),
        RESERVED("a reserved address");

        private final String description;

        AddressKind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private record Range(byte[] network, int prefix, AddressKind kind) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    /** Special-purpose ranges (IANA registries) that are no destination for a webhook; everything else is public. */
    private static final List<Range> SPECIAL = List.of(
            range("0.0.0.0/8", AddressKind.UNSPECIFIED),
            range("10.0.0.0/8", AddressKind.PRIVATE),
            range("100.64.0.0/10", AddressKind.SHARED),
            range("127.0.0.0/8", AddressKind.LOOPBACK),
            range("169.254.0.0/16", AddressKind.LINK_LOCAL),
            range("172.16.0.0/12", AddressKind.PRIVATE),
            range("192.0.0.0/24", AddressKind.RESERVED),
            range("192.168.0.0/16", AddressKind.PRIVATE),
            range("198.18.0.0/15", AddressKind.RESERVED),
            range("224.0.0.0/4", AddressKind.MULTICAST),
            range("240.0.0.0/4", AddressKind.RESERVED),
            range("::/128", AddressKind.UNSPECIFIED),
            range("::1/128", AddressKind.LOOPBACK),
            range("100::/64", AddressKind.RESERVED),
            range("fc00::/7", AddressKind.UNIQUE_LOCAL),
            range("fe80::/10", AddressKind.LINK_LOCAL),
            range("fec0::/10", AddressKind.SITE_LOCAL),
            range("ff00::/8", AddressKind.MULTICAST));

    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*" + "[a-z0-9])?)*");

    private final Set<String> allowedHosts;
    private final List<Range> allowedRanges;

    /**
     * @param allowedTargets host names (matched exactly, case-insensitively) and CIDR ranges such as
     *                       {@code 10.0.0.0/8} or {@code fd00::/8}; a bare IP address is a range of one
     * @throws IllegalArgumentException for an entry that is neither
     */
    public WebhookTargetPolicy(Collection<String> allowedTargets) {
        Set<String> hosts = new HashSet<>();
        List<Range> ranges = new ArrayList<>();
        for (String entry : allowedTargets) {
            String value = entry.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            Optional<Range> range = parseRange(value);
            if (range.isPresent()) {
                ranges.add(range.get());
            } else if (HOST_NAME.matcher(value).matches() && !WebhookTarget.numeric(value)) {
                hosts.add(value);
            } else {
                throw new IllegalArgumentException(
                        "'" + entry + "' is neither a host name nor a CIDR range such as" + " 10.0.0.0/8 or fd00::/8");
            }
        }
        this.allowedHosts = Set.copyOf(hosts);
        this.allowedRanges = List.copyOf(ranges);
    }

    /** The policy without an allow-list: public addresses only. */
    public static WebhookTargetPolicy publicOnly() {
        return new WebhookTargetPolicy(List.of());
    }

    /**
     * Checks a URL before it is stored or called, without resolving its host.
     *
     * @param pointer where the URL sits in the request, for the error
     * @return the parsed target; a host name still needs {@link #refusal(WebhookTarget, InetAddress)} on each address
     *         it resolves to
     * @throws dev.watershed.domain.InvalidInputException             when it is not an http(s) URL with a host
     * @throws WebhookTargetNotAllowedException when its host is an address or name the policy refuses
     */
    public WebhookTarget check(String url, String pointer) {
        WebhookTarget target = WebhookTarget.parse(url, pointer);
        refusal(target).ifPresent(reason -> {
            throw new WebhookTargetNotAllowedException(
                    pointer,
                    "webhook target '" + target.redacted()
                            + "' is not allowed: " + reason + ". Use a receiver at a public address, or ask an operator"
                            + " to add the host or its range to watershed.webhooks.allowed-targets");
        });
        return target;
    }

    /** Why the target's host as written may not be called; empty when it may (a name is checked again later). */
    public Optional<String> refusal(WebhookTarget target) {
        if (allowedHosts.contains(target.host())) {
            return Optional.empty();
        }
        if (target.ambiguousNumber()) {
            return Optional.of("'" + target.host() + "' is an IPv4 address in a form clients read differently"
                    + target.numberAsRead()
                            .map(read -> " (most read it as " + read + ")")
                            .orElse("")
                    + "; write an address as four decimal numbers");
        }
        if (target.localhostName()) {
            return Optional.of("'" + target.host() + "' is this machine (" + AddressKind.LOOPBACK.description() + ")");
        }
        InetAddress literal = target.literal();
        return literal == null
                ? Optional.empty()
                : refusedKind(literal).map(kind -> literal.getHostAddress() + " is " + kind);
    }

    /**
     * The check on one address the target's host resolved to, just before connecting to it.
     *
     * @return why the address may not be called; empty when it may
     */
    public Optional<String> refusal(WebhookTarget target, InetAddress address) {
        if (allowedHosts.contains(target.host())) {
            return Optional.empty();
        }
        return refusedKind(address)
                .map(kind -> target.literal() == null
                        ? "'" + target.host() + "' resolves to " + address.getHostAddress() + ", " + kind
                        : address.getHostAddress() + " is " + kind);
    }

    /** What the address is; IPv4 addresses embedded in IPv6 ones (mapped, compatible, NAT64, 6to4) count as such. */
    public static AddressKind kindOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Range range : SPECIAL) {
            if (range.contains(bytes)) {
                return range.kind();
            }
        }
        return embeddedIpv4(bytes).map(WebhookTargetPolicy::kindOf).orElse(AddressKind.PUBLIC);
    }

    /** What makes the address refused, such as "a loopback address"; empty when it may be called. */
    private Optional<String> refusedKind(InetAddress address) {
        AddressKind kind = kindOf(address);
        if (kind == AddressKind.PUBLIC || allowedByRange(address)) {
            return Optional.empty();
        }
        Optional<InetAddress> embedded =
                address instanceof Inet4Address ? Optional.empty() : embeddedIpv4(address.getAddress());
        return Optional.of(kind.description()
                + embedded.map(ipv4 -> " (it holds the IPv4 address " + ipv4.getHostAddress() + ")")
                        .orElse(""));
    }

    private boolean allowedByRange(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<InetAddress> embedded = embeddedIpv4(bytes);
        for (Range range : allowedRanges) {
            if (range.contains(bytes)
                    || embedded.map(ipv4 -> range.contains(ipv4.getAddress())).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) one. */
    private static Optional<InetAddress> embeddedIpv4(byte[] bytes) {
        if (bytes.length != 16) {
            return Optional.empty();
        }
        boolean zeroTen = allZero(bytes, 0, 10);
        boolean mapped = zeroTen && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = zeroTen && bytes[10] == 0 && bytes[11] == 0;
        boolean nat64 = bytes[0] == 0
                && bytes[1] == 0x64
                && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b
                && allZero(bytes, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(WebhookTarget.address(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            return Optional.of(WebhookTarget.address(new byte[] {bytes[2], bytes[3], bytes[4], bytes[5]}));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Range range(String cidr, AddressKind kind) {
        return parseRange(cidr)
                .map(range -> new Range(range.network(), range.prefix(), kind))
                .orElseThrow(() -> new IllegalStateException("bad built-in range " + cidr));
    }

    /** A CIDR range or a single address in standard notation; empty for anything else (a host name). */
    private static Optional<Range> parseRange(String value) {
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        InetAddress parsed;
        try {
            parsed = WebhookTarget.parse("http://" + (address.contains(":") ? "[" + address + "]" : address) + "/", "/")
                    .literal();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (parsed == null) {
            return Optional.empty();
        }
        byte[] bytes = address.contains(":") ? ipv6Bytes(parsed) : parsed.getAddress();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' has no prefix length after '/'");
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException(
                        "'" + value + "' has a prefix length outside 0.." + bytes.length * 8);
            }
        }
        return Optional.of(new Range(bytes, prefix, AddressKind.PUBLIC));
    }

    /** Java turns ::ffff:a.b.c.d into an IPv4 address; a range written in IPv6 keeps its 16 bytes. */
    private static byte[] ipv6Bytes(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            return bytes;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }
}
