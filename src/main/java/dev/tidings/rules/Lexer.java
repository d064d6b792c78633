package dev.tidings.rules;

import dev.tidings.text.Sanitize;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule into tokens in one pass: words ({@code title}, {@code 7d}, {@code 2026-11-01},
 * {@code 0:7}), strings in double or single quotes ({@code \"} and {@code \\} escape; any other
 * backslash stays, so {@code "\d+"} is a regex), operators ({@code = == != =~ !~ < > <= >= # !#}),
 * parentheses, commas, and the connectives {@code and && or || not !}.
 */
final class Lexer {
    /** Characters that end a bare word. */
    private static final String STOP = "()\"',=!<>~#&|";

    private Lexer() {
    }

    static List<Token> tokens(String rule) throws RuleException {
        List<Token> out = new ArrayList<>();
        int n = rule.length();
        int i = 0;
        while (true) {
            while (i < n && Character.isWhitespace(rule.charAt(i))) {
                i++;
            }
            if (i >= n) {
                out.add(new Token(Token.Type.END, "", n + 1));
                return out;
            }
            int col = i + 1;
            char c = rule.charAt(i);
            switch (c) {
                case '(': out.add(new Token(Token.Type.LPAREN, "(", col)); i++; continue;
                case ')': out.add(new Token(Token.Type.RPAREN, ")", col)); i++; continue;
                case ',': out.add(new Token(Token.Type.COMMA, ",", col)); i++; continue;
                case '"':
                case '\'': {
                    StringBuilder s = new StringBuilder();
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char q = rule.charAt(i++);
                        if (q == '\\' && i < n && (rule.charAt(i) == c || rule.charAt(i) == '\\')) {
                            s.append(rule.charAt(i++));
                        } else if (q == c) {
                            closed = true;
                            break;
                        } else {
                            s.append(q);
                        }
                    }
                    if (!closed) {
                        throw new RuleException(col, "the quote opened here is never closed");
                    }
                    out.add(new Token(Token.Type.STRING, s.toString(), col));
                    continue;
                }
                case '&':
                case '|': {
                    if (i + 1 < n && rule.charAt(i + 1) == c) {
                        out.add(new Token(c == '&' ? Token.Type.AND : Token.Type.OR, c == '&' ? "&&" : "||", col));
                        i += 2;
                        continue;
                    }
                    throw new RuleException(col, "expected '" + c + c + "', found '" + c + "'");
                }
                case '=':
                case '!':
                case '<':
                case '>':
                case '~':
                case '#': {
                    String two = i + 1 < n ? rule.substring(i, i + 2) : "";
                    if (two.equals("==") || two.equals("!=") || two.equals("=~") || two.equals("!~")
                            || two.equals("<=") || two.equals(">=") || two.equals("!#")) {
                        out.add(new Token(Token.Type.OP, two.equals("==") ? "=" : two, col));
                        i += 2;
                    } else if (c == '!') {
                        out.add(new Token(Token.Type.NOT, "!", col));
                        i++;
                    } else if (c == '~') {
                        throw new RuleException(col, "expected an operator such as =~, found '~'");
                    } else {
                        out.add(new Token(Token.Type.OP, String.valueOf(c), col));
                        i++;
                    }
                    continue;
                }
                default:
            }
            int start = i;
            while (i < n && !Character.isWhitespace(rule.charAt(i)) && STOP.indexOf(rule.charAt(i)) < 0) {
                i++;
            }
            String word = rule.substring(start, i);
            Token.Type type = word.equalsIgnoreCase("and") ? Token.Type.AND
                    : word.equalsIgnoreCase("or") ? Token.Type.OR
                    : word.equalsIgnoreCase("not") ? Token.Type.NOT : Token.Type.WORD;
            out.add(new Token(type, word, col));
        }
    }

    /** Untrusted text for a message: one safe line, at most 40 characters. */
    static String shorten(String s) {
        String l = Sanitize.line(s);
        return l.length() <= 40 ? l : l.substring(0, 39) + "\u2026";
    }
}
