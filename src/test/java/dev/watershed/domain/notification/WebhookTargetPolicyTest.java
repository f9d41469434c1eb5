package dev.watershed.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watershed.domain.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address policy over tables of URLs and addresses. Nothing here resolves a name or opens a connection. */
class WebhookTargetPolicyTest {

    private static final WebhookTargetPolicy PUBLIC_ONLY = WebhookTargetPolicy.publicOnly();
    private static final WebhookTargetPolicy INTERNAL = new WebhookTargetPolicy(
            List.of("127.0.0.1/32", " 10.0.0.0/8 ", "fd00::/8", "Hooks.Internal.Example", "192.168.1.7"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                // public addresses and names (names are checked again on what they resolve to)
                "https://hooks.example.org/w;                 ALLOWED",
                "http://hooks.example.org:8080/w?x=1;         ALLOWED",
                "https://8.8.8.8/hook;                        ALLOWED",
                "https://[2001:4860:4860::8888]/hook;         ALLOWED",
                "https://[::ffff:8.8.8.8]/hook;               ALLOWED",
                "http://172.32.0.1/;                          ALLOWED",
                "http://100.128.0.1/;                         ALLOWED",
                "HTTPS://User:Pass@Hooks.Example.org/w;        ALLOWED",
                // loopback
                "http://127.0.0.1:8080/;                      REFUSED",
                "http://127.255.255.254/;                     REFUSED",
                "http://localhost/;                           REFUSED",
                "http://LOCALHOST./;                          REFUSED",
                "http://api.localhost/;                       REFUSED",
                "http://[::1]/;                               REFUSED",
                "http://[0:0:0:0:0:0:0:1]/;                   REFUSED",
                "http://[::ffff:127.0.0.1]/;                  REFUSED",
                "http://[::ffff:7f00:1]/;                     REFUSED",
                "http://[::127.0.0.1]/;                       REFUSED",
                "http://[64:ff9b::7f00:1]/;                   REFUSED",
                "http://[2002:7f00:1::]/;                     REFUSED",
                // numbers in other forms than four decimal parts
                "http://2130706433/;                          REFUSED",
                "http://0x7f000001/;                          REFUSED",
                "http://0x7f.0.0.1/;                          REFUSED",
                "http://0177.0.0.1/;                          REFUSED",
                "http://127.1/;                               REFUSED",
                "http://017700000001/;                        REFUSED",
                "http://134744072/;                           REFUSED",
                "http://127.0.0.1./;                          REFUSED",
                // unspecified
                "http://0.0.0.0:8080/;                        REFUSED",
                "http://0/;                                   REFUSED",
                "http://[::]/;                                REFUSED",
                "http://[::ffff:0.0.0.0]/;                    REFUSED",
                // link-local, cloud metadata
                "http://169.254.169.254/latest/meta-data/;    REFUSED",
                "http://[fe80::1]/;                           REFUSED",
                "http://[::ffff:169.254.169.254]/;            REFUSED",
                "http://[fd00:ec2::254]/;                     REFUSED",
                // private, shared and unique local
                "http://10.0.0.1/;                            REFUSED",
                "http://172.16.0.1/;                          REFUSED",
                "http://172.31.255.255/;                      REFUSED",
                "http://192.168.1.1/;                         REFUSED",
                "http://100.64.0.1/;                          REFUSED",
                "http://[fc00::1]/;                           REFUSED",
                "http://[fdab:cdef::1]/;                      REFUSED",
                "http://[::ffff:10.1.2.3]/;                   REFUSED",
                "http://[fec0::1]/;                           REFUSED",
                // multicast, broadcast and reserved
                "http://224.0.0.1/;                           REFUSED",
                "http://239.255.255.250/;                     REFUSED",
                "http://[ff02::1]/;                           REFUSED",
                "http://255.255.255.255/;                     REFUSED",
                "http://240.0.0.1/;                           REFUSED",
                "http://198.18.0.1/;                          REFUSED",
                // not a webhook URL at all
                "ftp://hooks.example.org/;                    INVALID",
                "file:///etc/passwd;                          INVALID",
                "gopher://127.0.0.1:6379/_INFO;               INVALID",
                "jar:http://hooks.example.org/x.jar!/;        INVALID",
                "hooks.example.org/w;                         INVALID",
                "http:///w;                                   INVALID",
                "http://hooks_example.org/w;                  INVALID",
                "http://[fe80::1%25eth0]/;                    INVALID",
                "not a url;                                   INVALID",
            })
    void theDefaultPolicyAllowsPublicTargetsOnly(String url, String expected) {
        assertThat(decision(PUBLIC_ONLY, url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "http://127.0.0.1:4000/hooks;                 ALLOWED",
                "http://[::ffff:127.0.0.1]:4000/hooks;        ALLOWED",
                "http://127.0.0.2/;                           REFUSED",
                "http://localhost/;                           REFUSED",
                "http://10.20.30.40/;                         ALLOWED",
                "http://11.0.0.1/;                            ALLOWED",
                "http://[fd12::1]/;                           ALLOWED",
                "http://[fc00::1]/;                           REFUSED",
                "http://hooks.internal.example:9000/x;        ALLOWED",
                "http://other.internal.example/x;             ALLOWED",
                "http://192.168.1.7/;                         ALLOWED",
                "http://192.168.1.8/;                         REFUSED",
                "http://169.254.169.254/;                     REFUSED",
                "http://2130706433/;                          REFUSED",
                "http://012.0.0.1/;                           REFUSED",
            })
    void theAllowListLetsOperatorsReachInternalReceivers(String url, String expected) {
        assertThat(decision(INTERNAL, url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} resolving to {1} -> {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "https://hooks.example.org/;      93.184.215.14;       ALLOWED",
                "https://hooks.example.org/;      2606:2800:21f:cb07::1; ALLOWED",
                "https://hooks.example.org/;      127.0.0.1;           REFUSED",
                "https://hooks.example.org/;      10.0.0.7;            REFUSED",
                "https://hooks.example.org/;      169.254.169.254;     REFUSED",
                "https://hooks.example.org/;      ::1;                 REFUSED",
                "https://hooks.example.org/;      ::ffff:192.168.0.1;  REFUSED",
                "https://hooks.example.org/;      fd00::1;             REFUSED",
                "https://hooks.example.org/;      0.0.0.0;             REFUSED",
            })
    void aNameIsCheckedAgainOnEveryAddressItResolvesTo(String url, String address, String expected)
            throws UnknownHostException {
        WebhookTarget target = PUBLIC_ONLY.check(url, "/target");
        Optional<String> refusal = PUBLIC_ONLY.refusal(target, InetAddress.getByName(address));
        assertThat(refusal.isEmpty() ? "ALLOWED" : "REFUSED").isEqualTo(expected);
    }

    @Test
    void anAllowListedNameMayResolveToAnInternalAddressButOtherNamesMayNot() throws UnknownHostException {
        InetAddress internal = InetAddress.getByName("172.20.0.5");
        assertThat(INTERNAL.refusal(INTERNAL.check("http://hooks.internal.example/x", "/target"), internal))
                .isEmpty();
        assertThat(INTERNAL.refusal(INTERNAL.check("http://evil.example/x", "/target"), internal))
                .contains("'evil.example' resolves to 172.20.0.5, a private address");
        assertThat(INTERNAL.refusal(
                        INTERNAL.check("http://evil.example/x", "/target"), InetAddress.getByName("10.9.9.9")))
                .isEmpty();
    }

    @Test
    void aRefusalSaysWhatTheAddressIsAndWhatToDo() {
        assertThatThrownBy(() -> PUBLIC_ONLY.check("http://admin:hunter2@169.254.169.254/latest", "/target"))
                .isInstanceOfSatisfying(WebhookTargetNotAllowedException.class, e -> {
                    assertThat(e.code()).isEqualTo("WEBHOOK_TARGET_NOT_ALLOWED");
                    assertThat(e.pointer()).isEqualTo("/target");
                    assertThat(e.detail())
                            .isEqualTo("webhook target 'http://***@169.254.169.254/latest' is not"
                                    + " allowed: 169.254.169.254 is a link-local address. Use a receiver at a public"
                                    + " address, or ask an operator to add the host or its range to"
                                    + " watershed.webhooks.allowed-targets");
                });
        assertThatThrownBy(() -> PUBLIC_ONLY.check("http://2130706433:8080/", "/webhook"))
                .isInstanceOf(WebhookTargetNotAllowedException.class)
                .hasMessageContaining("'2130706433' is an IPv4 address in a form clients read differently (most"
                        + " read it as 127.0.0.1); write an address as four decimal numbers");
        assertThatThrownBy(() -> PUBLIC_ONLY.check("http://[::ffff:a9fe:a9fe]/", "/target"))
                .hasMessageContaining("169.254.169.254 is a link-local address");
        assertThatThrownBy(() -> PUBLIC_ONLY.check("http://[2002:a9fe:a9fe::]/", "/target"))
                .hasMessageContaining("2002:a9fe:a9fe:0:0:0:0:0 is a link-local address (it holds the IPv4 address"
                        + " 169.254.169.254)");
        assertThatThrownBy(() -> PUBLIC_ONLY.check("ftp://u:p@hooks.example.org/", "/target"))
                .isInstanceOf(InvalidInputException.class)
                .isNotInstanceOf(WebhookTargetNotAllowedException.class)
                .hasMessage("'ftp://***@hooks.example.org/' is not an http or https URL: webhooks are sent by HTTP"
                        + " POST only");
    }

    @Test
    void aTargetIsTakenApartForTheSender() {
        WebhookTarget target = PUBLIC_ONLY.check("HTTPS://Bot:s%40cret@Hooks.Example.ORG./in/x?a=1&b=2", "/target");
        assertThat(target.https()).isTrue();
        assertThat(target.host()).isEqualTo("hooks.example.org");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.pathAndQuery()).isEqualTo("/in/x?a=1&b=2");
        assertThat(target.userInfo()).isEqualTo("Bot:s%40cret");
        assertThat(target.literal()).isNull();
        WebhookTarget bare = PUBLIC_ONLY.check("http://8.8.4.4:81", "/target");
        assertThat(bare.pathAndQuery()).isEqualTo("/");
        assertThat(bare.port()).isEqualTo(81);
        assertThat(bare.literal().getHostAddress()).isEqualTo("8.8.4.4");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "https://user:pass@hooks.example.org/w;            https://***@hooks.example.org/w",
                "https://token@hooks.example.org/w;                https://***@hooks.example.org/w",
                "https://hooks.example.org/w?token=abc&team=x;      https://hooks.example.org/w?token=***&team=x",
                "https://hooks.example.org/w?team=x&api_key=abc;    https://hooks.example.org/w?team=x&api_key=***",
                "https://hooks.example.org/w?X-Amz-Signature=ab#f;  https://hooks.example.org/w?X-Amz-Signature=***#f",
                "https://hooks.example.org/w?password=a&secret=b;   https://hooks.example.org/w?password=***&secret=***",
                "https://hooks.example.org/w?team=x;                https://hooks.example.org/w?team=x",
                "https://hooks.example.org/a@b;                     https://hooks.example.org/a@b",
                "risk@example.org;                                  risk@example.org",
            })
    void credentialsAreRedactedFromURLs(String url, String redacted) {
        assertThat(WebhookTarget.redact(url)).isEqualTo(redacted);
    }

    @Test
    void aBadAllowListEntryIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> new WebhookTargetPolicy(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 0..32");
        assertThatThrownBy(() -> new WebhookTargetPolicy(List.of("0177.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither a host name nor");
        assertThatThrownBy(() -> new WebhookTargetPolicy(List.of("https://hooks.example.org")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String decision(WebhookTargetPolicy policy, String url) {
        try {
            policy.check(url, "/target");
            return "ALLOWED";
        } catch (WebhookTargetNotAllowedException e) {
            return "REFUSED";
        } catch (InvalidInputException e) {
            return "INVALID";
        }
    }
}
