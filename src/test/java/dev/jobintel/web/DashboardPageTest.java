package dev.jobintel.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardPageTest {

    @Test
    void onlyAWebAddressBecomesALink() {
        assertThat(DashboardPage.webAddress("https://jobs.lever.co/acme/1")).isTrue();
        assertThat(DashboardPage.webAddress("HTTP://boards.example.com/x?y=1")).isTrue();
        for (String notWeb : new String[] {"javascript:alert(1)", "JavaScript://%0aalert(1)", "data:text/html,x",
                "file:///etc/passwd", "//evil.example/x", "https:///nohost", "not a url at all"}) {
            assertThat(DashboardPage.webAddress(notWeb)).as(notWeb).isFalse();
        }
    }
}
