package dev.bankml.report;

import java.util.Base64;

/** A rendered chart: its title and PNG bytes, embeddable in HTML without any external file. */
public record ChartImage(String id, String title, byte[] png) {
  /** The PNG as a {@code data:} URI. */
  public String dataUri() {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }

  /** An {@code <img>} element carrying the PNG inline, with the title as alternative text. */
  public String imgTag() {
    return "<img class=\"chart\" id=\"chart-" + Html.escape(id) + "\" alt=\"" + Html.escape(title)
        + "\" src=\"" + dataUri() + "\">";
  }
}
