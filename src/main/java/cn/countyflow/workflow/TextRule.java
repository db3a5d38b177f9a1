package cn.countyflow.workflow;

import java.text.Normalizer;

/**
 * The one rule for text a person must write (a reason, a comment, a name, an objection): what counts is what is left
 * after NFKC normalisation (for counting only: the text is stored as written, see {@link #clean}) and after removing whitespace of every kind (incl. U+3000 and NBSP), format characters
 * (zero-width spaces and joiners, bidi marks, soft hyphens), combining marks, control, private-use and unassigned code
 * points, and symbols that are not letters or digits (emoji). A reason of five emoji or of zero-width spaces is empty.
 * Lengths are counted in code points of that visible text.
 */
public final class TextRule {
    private TextRule() {
    }

    /**
     * The text as stored: as written (full-width punctuation stays), without format, control (but line breaks and
     * tabs), private-use and unassigned characters, trimmed of every kind of whitespace.
     */
    public static String clean(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE) return;
            if (type == Character.CONTROL && cp != '\n' && cp != '\t') return;
            out.appendCodePoint(cp);
        });
        return strip(out.toString());
    }

    /** The number of characters that carry meaning: letters, digits and punctuation, nothing invisible, no emoji. */
    public static int visibleLength(String text) {
        if (text == null) return 0;
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return (int) n.codePoints().filter(TextRule::counts).count();
    }

    /** Whether the text has no character that counts. */
    public static boolean isBlank(String text) {
        return visibleLength(text) == 0;
    }

    private static boolean counts(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return false;
        return switch (Character.getType(cp)) {
            case Character.FORMAT, Character.CONTROL, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                 Character.COMBINING_SPACING_MARK, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.OTHER_SYMBOL, Character.MODIFIER_SYMBOL -> false;
            default -> true;
        };
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (Character.isWhitespace(s.charAt(start)) || Character.isSpaceChar(s.charAt(start)))) start++;
        while (end > start && (Character.isWhitespace(s.charAt(end - 1)) || Character.isSpaceChar(s.charAt(end - 1)))) end--;
        return s.substring(start, end);
    }
}
