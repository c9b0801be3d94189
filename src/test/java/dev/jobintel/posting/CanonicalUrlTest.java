package dev.jobintel.posting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalUrlTest {

    @Test
    void incident7SessionAndTrackingParametersAreRemoved() {
        String a = CanonicalUrl.of("https://www.adzuna.co.uk/jobs/land/ad/4012?se=abc&utm_medium=api&utm_source=x&v=1");
        String b = CanonicalUrl.of("https://www.adzuna.co.uk/jobs/land/ad/4012?se=zzz&utm_medium=api&utm_source=y&v=9");
        assertThat(a).isEqualTo(b).isEqualTo("https://www.adzuna.co.uk/jobs/land/ad/4012");
    }

    @Test
    void identifyingParametersStayAndAreSorted() {
        assertThat(CanonicalUrl.of("HTTPS://Careers.Example.com:443/jobs/?gh_jid=42&gh_src=li#apply"))
                .isEqualTo("https://careers.example.com/jobs?gh_jid=42");
        assertThat(CanonicalUrl.of("https://x.io/j?b=2&a=1")).isEqualTo("https://x.io/j?a=1&b=2");
        assertThat(CanonicalUrl.of("https://x.io/j;jsessionid=ABC?id=3")).isEqualTo("https://x.io/j?id=3");
    }

    @Test
    void onlyAbsoluteWebAddressesAreLinks() {
        assertThat(CanonicalUrl.of("  not a url ")).isNull();
        assertThat(CanonicalUrl.of("/jobs/1009")).isNull();
        assertThat(CanonicalUrl.of("javascript:alert(1)")).isNull();
        assertThat(CanonicalUrl.of("ftp://evil.example/x")).isNull();
        assertThat(CanonicalUrl.of(" https://x.io/j ")).isEqualTo("https://x.io/j");
        assertThat(CanonicalUrl.of("   ")).isNull();
        assertThat(CanonicalUrl.of(null)).isNull();
    }

    @Test
    void onlyAWebAddressBecomesALink() {
        assertThat(CanonicalUrl.isWebAddress("https://jobs.lever.co/acme/1")).isTrue();
        assertThat(CanonicalUrl.isWebAddress("HTTP://boards.example.com/x?y=1")).isTrue();
        for (String notWeb : new String[] {"javascript:alert(1)", "JavaScript://%0aalert(1)", "data:text/html,x",
                "file:///etc/passwd", "//evil.example/x", "https:///nohost", "not a url at all"}) {
            assertThat(CanonicalUrl.isWebAddress(notWeb)).as(notWeb).isFalse();
        }
    }
}
