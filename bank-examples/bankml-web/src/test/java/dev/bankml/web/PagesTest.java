package dev.bankml.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PagesTest {
  @Test
  void everyPageHasItsTitleItsScriptAndOnlyItsOwnTabActive() {
    for (Pages.Page page : Pages.ALL) {
      String html = Pages.html(page);
      assertThat(html).as(page.path()).startsWith("<!doctype html>")
          .contains("<title>bankml · " + page.title() + "</title>")
          .contains("<script src=\"/" + page.script() + "\" defer></script>")
          .doesNotContain("{{").endsWith("</html>\n");
      Matcher active = Pattern.compile("<a href=\"([^\"]+)\" class=\"active\">").matcher(html);
      assertThat(active.find()).as(page.path()).isTrue();
      assertThat(active.group(1)).isEqualTo(page.path());
      assertThat(active.find()).as("one active tab").isFalse();
      for (Pages.Page other : Pages.ALL) {
        assertThat(html).contains("<a href=\"" + other.path() + "\"");
      }
    }
  }
}
