package dev.tidings.render;

import dev.tidings.model.Image;
import dev.tidings.text.Sanitize;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Entities;

/**
 * Caption blocks back to HTML, for exports that carry an article's HTML (the collections Atom
 * export): the picture a feed announced outside the body, as a figure with its caption and credit.
 *
 * <pre>
 * of(Figure("Fighters train", "AFP", "https://a.org/1.jpg", "A valley"))
 *   = &lt;figure&gt;&lt;img src="https://a.org/1.jpg" alt="A valley"&gt;&lt;figcaption&gt;Fighters train
 *     &lt;small&gt;Source: AFP&lt;/small&gt;&lt;/figcaption&gt;&lt;/figure&gt;
 * </pre>
 */
public final class FigureHtml {
    private FigureHtml() {
    }

    /**
     * The body HTML with the feed's lead image (the first announced picture the body does not show)
     * put in front as a figure; the body unchanged when there is none.
     */
    public static String withLeadImage(String bodyHtml, URI base, List<Image> images) {
        String body = bodyHtml == null ? "" : bodyHtml;
        if (images == null || images.isEmpty()) {
            return body;
        }
        ArticleBody converted = HtmlConverter.convert(body, base, List.of());
        Optional<Block.Figure> lead = CaptionLines.lead(converted, images);
        return lead.map(f -> of(f) + "\n" + body).orElse(body);
    }

    /** One figure: img (when it has a URL), then a figcaption with the caption and "Source: credit". */
    public static String of(Block.Figure f) {
        StringBuilder sb = new StringBuilder("<figure>");
        if (!f.url().isEmpty()) {
            sb.append("<img src=\"").append(escape(f.url())).append("\" alt=\"").append(escape(f.alt())).append("\">");
        }
        if (!f.caption().isEmpty() || !f.credit().isEmpty()) {
            sb.append("<figcaption>").append(escape(f.caption()));
            if (!f.credit().isEmpty()) {
                sb.append(f.caption().isEmpty() ? "" : " ").append("<small>Source: ").append(escape(f.credit()))
                        .append("</small>");
            }
            sb.append("</figcaption>");
        }
        return sb.append("</figure>").toString();
    }

    private static String escape(String s) {
        return Entities.escape(Sanitize.line(s));
    }
}
