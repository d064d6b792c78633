package dev.tidings.render;

import dev.tidings.model.Image;
import dev.tidings.text.Urls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Captions that are not inside a figure: "image source AFP" / "image caption …" lines beside an
 * image (the BBC's shapes, before or after the picture), and the images a feed announces outside
 * the body (Media RSS, enclosures, JSON Feed {@code image}). Both end as {@link Block.Figure}s.
 */
final class CaptionLines {
    private CaptionLines() {
    }

    /** What a run of caption lines said, and where the run ended. */
    private record Run(String caption, String credit, int end) {
        boolean isEmpty() {
            return caption == null && credit == null;
        }
    }

    /**
     * Folds caption and credit lines into the image they belong to: lines after an image fill it;
     * lines just before an image (credit first, as the BBC writes it) fill the next one; lines
     * with no image at all become an image block without a URL. A decorative image with nothing
     * said about it is dropped.
     */
    static List<Block> merge(List<Block> in) {
        List<Block> out = new ArrayList<>(in.size());
        int i = 0;
        while (i < in.size()) {
            Block b = in.get(i);
            if (b instanceof Block.Figure f) {
                Run after = run(in, i + 1, false, false);
                if (after.isEmpty()) {
                    if (!f.url().startsWith(FigureReader.DECORATIVE)) {
                        out.add(f);
                    }
                    i++;
                } else {
                    out.add(fill(f, after.caption(), after.credit()));
                    i = after.end();
                }
                continue;
            }
            Run before = run(in, i, false, false);
            if (before.isEmpty()) {
                out.add(b);
                i++;
                continue;
            }
            int j = before.end();
            if (j < in.size() && in.get(j) instanceof Block.Figure f) {
                Run after = run(in, j + 1, before.caption() != null, before.credit() != null);
                String caption = before.caption() != null ? before.caption() : after.caption();
                String credit = before.credit() != null ? before.credit() : after.credit();
                out.add(fill(f, caption, credit));
                i = after.isEmpty() ? j + 1 : after.end();
            } else if (standalone(in, i, j)) {
                out.add(fill(new Block.Figure("", "", ""), before.caption(), before.credit()));
                i = j;
            } else {
                out.add(b);
                i++;
            }
        }
        return out;
    }

    /** Up to two lines from {@code from}: one credit line and one caption line, in either order. */
    private static Run run(List<Block> in, int from, boolean haveCaption, boolean haveCredit) {
        String caption = null;
        String credit = null;
        int j = from;
        while (j < in.size() && j < from + 2 && in.get(j) instanceof Block.Paragraph p) {
            String text = HtmlConverter.plain(p.spans());
            if (!haveCredit && credit == null && isCreditLine(text)) {
                credit = CreditLabels.cleanCredit(text);
            } else if (!haveCaption && caption == null && isCaptionLine(text)) {
                caption = CreditLabels.cleanCaption(text);
            } else {
                break;
            }
            j++;
        }
        return new Run(caption, credit, j);
    }

    private static boolean isCreditLine(String text) {
        int after = CreditLabels.afterCreditLabel(text, 0);
        return after > 0 && after < text.length() && text.length() - after <= 100;
    }

    private static boolean isCaptionLine(String text) {
        int after = CreditLabels.afterCaptionLabel(text, 0);
        return after > 0 && after < text.length();
    }

    /** Lines far from any image are a caption block only when their labels say "image …". */
    private static boolean standalone(List<Block> in, int from, int to) {
        for (int k = from; k < to; k++) {
            String t = HtmlConverter.plain(((Block.Paragraph) in.get(k)).spans()).toLowerCase(Locale.ROOT);
            if (!(t.startsWith("image ") || t.startsWith("photo ") || t.startsWith("picture "))) {
                return false;
            }
        }
        return true;
    }

    private static Block.Figure fill(Block.Figure f, String caption, String credit) {
        String url = f.url().startsWith(FigureReader.DECORATIVE) ? f.url().substring(FigureReader.DECORATIVE.length())
                : f.url();
        return new Block.Figure(caption != null && !caption.isEmpty() ? caption : f.caption(),
                credit != null && !credit.isEmpty() ? credit : f.credit(), Urls.isWeb(url) ? url : "", f.alt());
    }

    // ------------------------------------------------------------ feed images

    /**
     * Feed-announced images: each one the body already shows lends it its caption and credit where
     * the body has none; the first one the body does not show leads the article. An image with
     * no caption and no credit leads only a body without pictures (it is a preview of one of them).
     */
    static List<Block> addLeadImages(List<Block> blocks, List<Image> images) {
        if (images == null || images.isEmpty()) {
            return blocks;
        }
        List<Block> body = new ArrayList<>(blocks);
        Optional<Block.Figure> lead = fillAndFindLead(body, images);
        if (lead.isEmpty()) {
            return body;
        }
        List<Block> out = new ArrayList<>(body.size() + 1);
        out.add(lead.get());
        out.addAll(body);
        return out;
    }

    /** The feed image that would lead {@code body} (which was converted without feed images). */
    static Optional<Block.Figure> lead(ArticleBody body, List<Image> images) {
        if (images == null || images.isEmpty()) {
            return Optional.empty();
        }
        return fillAndFindLead(new ArrayList<>(body.blocks()), images);
    }

    private static Optional<Block.Figure> fillAndFindLead(List<Block> body, List<Image> images) {
        Map<String, Integer> byKey = new HashMap<>();
        boolean hasFigure = false;
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof Block.Figure f && !f.url().isEmpty()) {
                hasFigure = true;
                byKey.putIfAbsent(key(f.url()), i);
                String stem = stem(f.url());
                if (stem.length() >= 8) {
                    byKey.putIfAbsent("stem:" + stem, i);
                }
            }
        }
        Block.Figure lead = null;
        for (Image img : images) {
            Block.Figure announced = of(img);
            Integer at = byKey.get(key(img.url()));
            if (at == null && stem(img.url()).length() >= 8) {
                at = byKey.get("stem:" + stem(img.url()));
            }
            if (at != null) {
                Block.Figure f = (Block.Figure) body.get(at);
                body.set(at, new Block.Figure(f.caption().isEmpty() ? announced.caption() : f.caption(),
                        f.credit().isEmpty() ? announced.credit() : f.credit(), f.url(), f.alt()));
            } else if (lead == null && Urls.isWeb(img.url())
                    && (!hasFigure || !announced.caption().isEmpty() || !announced.credit().isEmpty())) {
                lead = announced;
            }
        }
        return Optional.ofNullable(lead);
    }

    /** A feed image as a caption block: a credit left in its caption is taken off. */
    static Block.Figure of(Image img) {
        String caption = img.caption();
        String credit = img.credit();
        Credits.Split split = Credits.split(caption);
        if (credit.isEmpty()) {
            caption = split.caption();
            credit = split.credit();
        } else if (!split.credit().isEmpty()) {
            caption = split.caption(); // the same credit, written twice
        }
        return new Block.Figure(caption, credit, Urls.isWeb(img.url()) ? img.url() : "", "");
    }

    /** The URL without scheme, query and fragment. */
    private static String key(String url) {
        int cut = url.length();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                cut = i;
                break;
            }
        }
        String u = url.substring(0, cut);
        int scheme = u.indexOf("://");
        return scheme >= 0 ? u.substring(scheme + 3) : u;
    }

    /** The file name without extension and without a size suffix: ".../storm-1024x683.jpg" → "storm". */
    private static String stem(String url) {
        String k = key(url);
        String name = k.substring(k.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        int dash = name.lastIndexOf('-');
        if (dash > 0 && isSize(name.substring(dash + 1))) {
            name = name.substring(0, dash);
        }
        if (name.endsWith("-scaled")) {
            name = name.substring(0, name.length() - 7);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean isSize(String s) {
        int x = s.indexOf('x');
        if (x <= 0 || x == s.length() - 1) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (i != x && !Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
