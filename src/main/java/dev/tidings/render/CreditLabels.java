package dev.tidings.render;

import dev.tidings.text.Sanitize;
import java.util.List;
import java.util.Locale;

/**
 * The labels publishers put before an image credit or a caption, in the languages of our samples
 * ("Image source, ", "Credit:", "Photo by", "©", "Foto:", "منبع تصویر", "图片来源"; "Image caption, ",
 * "Caption:"), found by hand at a given place, and the credit or caption text without them.
 *
 * <pre>
 * labelKind("Image caption, ")      = CAPTION;  labelKind("Fighters train") = null
 * afterCreditLabel("Credit: AFP", 0) = 8;      afterCreditLabel("Credits roll", 0) = -1
 * cleanCredit("Image source, AFP")  = "AFP";   cleanCaption("Image caption, Fighters train") = "Fighters train"
 * </pre>
 */
final class CreditLabels {
    private CreditLabels() {
    }

    /** What a bare label announces. */
    enum Label { CREDIT, CAPTION }

    /** Labels that cannot be an ordinary caption's first words: may be glued to the credit. */
    private static final List<String> STRONG_CREDIT = List.of(
            "image source", "image credit", "image copyright", "photo source", "photo credit", "photo copyright",
            "picture source", "picture credit", "photograph credit", "photo credits", "image credits",
            "bildquelle", "fotoquelle", "crédit photo", "crédits photo", "fuente de la imagen",
            "fotoğraf kaynağı", "منبع تصویر", "منبع عکس", "مصدر الصورة", "图片来源", "图像来源", "圖片來源",
            "автор фото", "источник изображения");
    /** Words that are a credit label only when a colon, comma or "by" follows, or alone. */
    private static final List<String> WEAK_CREDIT = List.of(
            "photographs", "photograph", "photos", "photo", "pictures", "picture", "images", "image",
            "illustration", "credits", "credit", "source", "copyright", "fotos", "foto", "bild", "quelle",
            "crédits", "crédit", "fuente", "imagen", "عکس", "图片", "照片", "фото");
    private static final List<String> STRONG_CAPTION = List.of(
            "image caption", "photo caption", "picture caption", "bildunterschrift", "légende photo",
            "pie de foto", "fotoğraf altı yazısı", "توضیح تصویر", "التعليق على الصورة", "图片说明",
            "图像加注文字", "圖像加註文字", "подпись к фото");
    private static final List<String> WEAK_CAPTION = List.of("caption", "légende", "legende");

    /** The label a short text is, on its own ("Image source, ", "Credit…", "图片来源"), or null. */
    static Label labelKind(String text) {
        String t = bare(text);
        if (t.isEmpty() || t.length() > 40) {
            return null;
        }
        if (t.equals("©") || STRONG_CREDIT.contains(t) || WEAK_CREDIT.contains(t)) {
            return Label.CREDIT;
        }
        if (STRONG_CAPTION.contains(t) || WEAK_CAPTION.contains(t)) {
            return Label.CAPTION;
        }
        return null;
    }

    /** Lower case, whitespace folded, trailing ",:：.…-–—" and spaces removed. */
    private static String bare(String text) {
        String t = Sanitize.line(text).toLowerCase(Locale.ROOT);
        int end = t.length();
        while (end > 0 && ",，،:：.…-–— ".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end);
    }

    /**
     * The text after a credit label at {@code from}, or -1 when none starts there: a strong label
     * ("image source AFP", "image sourceAFP"), a weak one with a colon or comma ("Credit: Reuters",
     * "Foto : dpa"), "Photo by …", or "©".
     */
    static int afterCreditLabel(String s, int from) {
        if (s.startsWith("©", from)) {
            return skipSeparators(s, from + 1);
        }
        for (String label : STRONG_CREDIT) {
            if (s.regionMatches(true, from, label, 0, label.length())) {
                return skipSeparators(s, from + label.length());
            }
        }
        return afterWeak(s, from, WEAK_CREDIT, true);
    }

    /** Like {@link #afterCreditLabel} for caption labels ("Image caption, …", "Caption: …"). */
    static int afterCaptionLabel(String s, int from) {
        for (String label : STRONG_CAPTION) {
            if (s.regionMatches(true, from, label, 0, label.length())) {
                return skipSeparators(s, from + label.length());
            }
        }
        return afterWeak(s, from, WEAK_CAPTION, false);
    }

    private static int afterWeak(String s, int from, List<String> labels, boolean allowBy) {
        for (String label : labels) {
            if (!s.regionMatches(true, from, label, 0, label.length())) {
                continue;
            }
            int i = from + label.length();
            if (i < s.length() && Character.isLetter(s.charAt(i))) {
                continue; // "Photographers", "Sources"
            }
            int j = i;
            while (j < s.length() && s.charAt(j) == ' ') {
                j++;
            }
            if (j < s.length() && ":：,，،".indexOf(s.charAt(j)) >= 0) {
                return skipSeparators(s, j + 1);
            }
            if (allowBy && s.regionMatches(true, j, "by ", 0, 3)) {
                return skipSeparators(s, j + 3);
            }
            if (j >= s.length()) {
                return j;
            }
        }
        return -1;
    }

    private static int skipSeparators(String s, int i) {
        while (i < s.length() && " :：,，،-–—".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** A credit without its label: "Image source: AFP" → "AFP", "© Reuters" → "Reuters". */
    static String cleanCredit(String raw) {
        String t = Sanitize.line(raw);
        int after = afterCreditLabel(t, 0);
        if (after >= 0) {
            t = t.substring(after);
        } else if (t.regionMatches(true, 0, "by ", 0, 3)) {
            t = t.substring(3); // a photographer element's "By Jane Roe"
        }
        return trimCredit(t);
    }

    /** A caption without a leading caption label: "Image caption, Fighters train" → "Fighters train". */
    static String cleanCaption(String raw) {
        String t = Sanitize.line(raw);
        int after = afterCaptionLabel(t, 0);
        return after >= 0 ? t.substring(after).strip() : t;
    }

    /** A credit without the separators around it: ", Reuters |" → "Reuters". */
    static String trimCredit(String t) {
        int start = 0;
        int end = t.length();
        while (start < end && " ,:：|-–—".indexOf(t.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " ,;:|-–—".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(start, end);
    }

    /** Whether a strong credit label ("Image source", "图片来源") starts at {@code i}. */
    static boolean isStrongAt(String s, int i) {
        for (String label : STRONG_CREDIT) {
            if (s.regionMatches(true, i, label, 0, label.length())) {
                return true;
            }
        }
        return false;
    }
}
