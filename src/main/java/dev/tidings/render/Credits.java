package dev.tidings.render;

import dev.tidings.text.Sanitize;
import java.util.List;
import java.util.Locale;

/**
 * The shapes of an image credit at the end of a caption: in brackets, after a label (the labels
 * are {@link CreditLabels}), after a bar, or a last sentence that is only a credit. Every scan is
 * by hand over a bounded window at the caption's end, so a caption of any length costs linear time.
 *
 * <pre>
 * split("Crowds gather in the square. Photograph: Ana Lopez/Getty Images")
 *   = ("Crowds gather in the square.", "Ana Lopez/Getty Images")
 * split("Rescuers search the rubble (AP Photo/Rahmat Gul)") = ("Rescuers search the rubble", "AP Photo/Rahmat Gul")
 * split("Reuters reporters at work")                        = ("Reuters reporters at work", "")
 * isSlashCredit("REUTERS/Stringer") = true;  isSlashCredit("Left/Right") = false
 * </pre>
 */
final class Credits {
    private Credits() {
    }

    /** A caption with its trailing credit taken off; either may be "". */
    record Split(String caption, String credit) {
    }

    /** How far back from a caption's end a credit may start. */
    private static final int WINDOW = 200;
    /** A credit is short: at most this many characters and words. */
    private static final int MAX_CREDIT = 100;
    private static final int MAX_WORDS = 12;

    private static final List<String> AGENCIES = List.of(
            "afp", "ap", "reuters", "epa", "epa-efe", "efe", "getty images", "getty", "dpa", "anadolu",
            "anadolu agency", "xinhua", "anp", "pa", "pa wire", "pa media", "shutterstock", "alamy", "bloomberg",
            "sipa", "nurphoto", "zuma", "zuma press", "imago", "picture alliance", "picture-alliance", "keystone",
            "kyodo", "yonhap", "tass", "ansa", "upi", "ap images", "afp/getty images", "reuters/alamy",
            "sopa images", "lightrocket", "redux", "magnum", "the associated press", "associated press");

    /**
     * Takes a credit off the end of a caption when it has one of the shapes publishers use; a
     * caption that merely mentions an agency is returned whole.
     */
    static Split split(String raw) {
        String s = Sanitize.line(raw);
        if (s.isEmpty()) {
            return new Split("", "");
        }
        Split found = bracketed(s);
        if (found == null) {
            found = labelled(s);
        }
        if (found == null) {
            found = piped(s);
        }
        if (found == null) {
            found = slashed(s);
        }
        return found == null ? new Split(s, "") : found;
    }

    /** "… (AP Photo/Rahmat Gul)", "… (Photo by Jane Roe/AFP via Getty Images)", "… [Wakil Kohsar/AFP]". */
    private static Split bracketed(String s) {
        char close = s.charAt(s.length() - 1);
        char open = close == ')' ? '(' : close == ']' ? '[' : 0;
        if (open == 0) {
            return null;
        }
        int limit = Math.max(0, s.length() - WINDOW);
        int at = -1;
        for (int i = s.length() - 2; i >= limit; i--) {
            char c = s.charAt(i);
            if (c == open) {
                at = i;
                break;
            }
            if (c == close) {
                return null; // nested brackets: not a credit we know
            }
        }
        if (at < 0) {
            return null;
        }
        String inner = s.substring(at + 1, s.length() - 1).strip();
        String credit = null;
        int after = CreditLabels.afterCreditLabel(inner, 0);
        if (after >= 0 && after < inner.length()) {
            credit = inner.substring(after);
        } else if (containsIgnoreCase(inner, "photo/") || inner.equalsIgnoreCase("ap photo")
                || isAgency(inner) || endsWithVia(inner) || isSlashCredit(inner)
                || open == '[' && isSlashShape(inner)) {
            credit = inner;
        }
        if (credit == null || !shortEnough(credit) || Character.isLowerCase(credit.charAt(0))) {
            return null;
        }
        return new Split(trimCaption(s.substring(0, at)), CreditLabels.trimCredit(credit));
    }

    /** "… Photograph: Ana Lopez/Getty Images", "… Credit: Reuters", "… © AFP", "Foto: dpa". */
    private static Split labelled(String s) {
        int limit = Math.max(0, s.length() - WINDOW);
        for (int i = limit; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i > 0 && !boundaryBefore(s, i)) {
                continue;
            }
            if (c != '©' && Character.isLowerCase(c) && i > 0) {
                continue; // a label inside a caption is capitalised: "Photo: …", not "the photo: …"
            }
            int after = CreditLabels.afterCreditLabel(s, i);
            if (after < 0 || after >= s.length()) {
                continue;
            }
            String credit = s.substring(after);
            if (!shortEnough(credit) || Character.isLowerCase(credit.charAt(0))) {
                continue;
            }
            if (c != '©' && !hasSeparator(s, i, after) && i > 0 && !CreditLabels.isStrongAt(s, i)) {
                continue;
            }
            return new Split(trimCaption(s.substring(0, i)), CreditLabels.trimCredit(credit));
        }
        return null;
    }

    /** "… | EPA", "… | Photo: Jane Roe". */
    private static Split piped(String s) {
        int limit = Math.max(0, s.length() - WINDOW);
        int bar = -1;
        for (int i = s.length() - 1; i >= limit; i--) {
            if (s.charAt(i) == '|') {
                bar = i;
                break;
            }
        }
        if (bar <= 0) {
            return null;
        }
        String credit = CreditLabels.cleanCredit(s.substring(bar + 1));
        String caption = trimCaption(s.substring(0, bar));
        if (credit.isEmpty() || caption.isEmpty() || !shortEnough(credit) || words(credit) > 6
                || Character.isLowerCase(credit.charAt(0))) {
            return null;
        }
        return new Split(caption, credit);
    }

    /** A last sentence that is only a credit: "… REUTERS/Stringer", "… JEAN DUPONT / AFP". */
    private static Split slashed(String s) {
        int limit = Math.max(0, s.length() - WINDOW);
        int start = 0;
        for (int i = s.length() - 2; i >= limit; i--) {
            if (s.charAt(i) == ' ' && i > 0 && ".!?…”\"".indexOf(s.charAt(i - 1)) >= 0) {
                start = i + 1;
                break;
            }
            if (i == limit && limit > 0) {
                return null; // no sentence start within the window
            }
        }
        String last = s.substring(start);
        if (last.endsWith(".")) {
            last = last.substring(0, last.length() - 1);
        }
        boolean agencyAlone = start > 0 && isAgency(last); // "Crowds in Kabul. AFP"
        if (!agencyAlone && (!isSlashCredit(last) || !shortEnough(last))) {
            return null;
        }
        return new Split(trimCaption(s.substring(0, start)), CreditLabels.trimCredit(last));
    }

    /**
     * "REUTERS/Stringer", "EPA/ANDY RAIN", "JEAN DUPONT / AFP", "Wakil Kohsar/AFP": one or two
     * slashes between groups of capitalised words, one group in capitals or a known agency.
     */
    static boolean isSlashCredit(String t) {
        if (!isSlashShape(t)) {
            return false;
        }
        for (String raw : t.split("/", -1)) {
            String p = raw.strip();
            if (isAgency(p) || endsWithVia(p) || (allCaps(p) && letters(p) >= 2)) {
                return true;
            }
        }
        return false;
    }

    /** Two or three groups of at most six capitalised words between slashes: "Sara Idris/Al Jazeera". */
    private static boolean isSlashShape(String t) {
        String[] parts = t.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            return false;
        }
        for (String raw : parts) {
            String p = raw.strip();
            if (p.isEmpty() || words(p) > 6 || !capitalisedWords(p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean capitalisedWords(String p) {
        for (String w : p.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            char c = w.charAt(0);
            boolean connector = w.equals("via") || w.equals("for") || w.equals("de") || w.equals("van")
                    || w.equals("von") || w.equals("da") || w.equals("al") || w.equals("el") || w.equals("of")
                    || w.equals("the");
            if (!connector && !Character.isUpperCase(c) && !Character.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allCaps(String p) {
        for (int i = 0; i < p.length(); i++) {
            if (Character.isLowerCase(p.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int letters(String p) {
        int n = 0;
        for (int i = 0; i < p.length(); i++) {
            if (Character.isLetter(p.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    static boolean isAgency(String t) {
        return AGENCIES.contains(t.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean endsWithVia(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        return l.contains(" via getty images") || l.endsWith(" via reuters") || l.endsWith(" via ap")
                || l.endsWith(" via afp") || l.endsWith(" via shutterstock");
    }

    private static boolean containsIgnoreCase(String s, String part) {
        return s.toLowerCase(Locale.ROOT).contains(part);
    }

    /** Start of text, or after white space or punctuation that can end a caption's sentence. */
    private static boolean boundaryBefore(String s, int i) {
        char p = s.charAt(i - 1);
        return p == ' ' || p == '(' || p == '|' || p == '–' || p == '—' || p == '\u3002';
    }

    private static boolean hasSeparator(String s, int from, int after) {
        for (int k = from; k < after && k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == ':' || c == '：' || c == ',' || c == '，' || c == '،') {
                return true;
            }
        }
        return s.regionMatches(true, Math.max(from, after - 3), "by ", 0, 3);
    }

    /** Short enough to be a credit: at most 100 characters and 12 words. */
    static boolean isShort(String credit) {
        return shortEnough(credit);
    }

    private static boolean shortEnough(String credit) {
        return !credit.isBlank() && credit.length() <= MAX_CREDIT && words(credit) <= MAX_WORDS;
    }

    private static int words(String t) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < t.length(); i++) {
            boolean space = t.charAt(i) == ' ';
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }

    /** A caption without the separators a credit left behind: "Fighters train |" → "Fighters train". */
    static String trimCaption(String t) {
        int end = t.length();
        while (end > 0 && " ,;:|-–—/".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end).strip();
    }
}
