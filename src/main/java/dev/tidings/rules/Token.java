package dev.tidings.rules;

/**
 * One token of a rule. {@code column} is 1-based; {@code text} is the unquoted value of a string,
 * the word as written, or the operator.
 */
record Token(Type type, String text, int column) {
    enum Type { WORD, STRING, OP, LPAREN, RPAREN, COMMA, AND, OR, NOT, END }

    /** How the token is named in "expected X, found Y". */
    String describe() {
        switch (type) {
            case END: return "end of rule";
            case STRING: return "\"" + Lexer.shorten(text) + "\"";
            case LPAREN: return "'('";
            case RPAREN: return "')'";
            case COMMA: return "','";
            default: return "'" + Lexer.shorten(text) + "'";
        }
    }

    boolean isWord(String w) {
        return type == Type.WORD && text.equalsIgnoreCase(w);
    }
}
