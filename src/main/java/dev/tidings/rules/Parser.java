package dev.tidings.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the tokens:
 * <pre>
 * rule       = or ;
 * or         = and { ("or" | "||") and } ;
 * and        = unary { ("and" | "&amp;&amp;") unary } ;
 * unary      = ("not" | "!") unary | "(" or ")" | condition ;
 * condition  = field op value | field "between" range | field ["not"] "in" "(" value { "," value } ")"
 *            | boolfield ;
 * </pre>
 * Nesting (parentheses and {@code not}) deeper than {@link #MAX_DEPTH} is an error, never a deep
 * recursion; long and/or chains are loops.
 */
final class Parser {
    static final int MAX_DEPTH = 100;

    private final List<Token> tokens;
    private final Conditions conditions;
    private final Trouble trouble;
    private int pos;
    private int depth;

    Parser(List<Token> tokens, Conditions conditions, Trouble trouble) {
        this.tokens = tokens;
        this.conditions = conditions;
        this.trouble = trouble;
    }

    Node parse() throws RuleException {
        if (peek().type() == Token.Type.END) {
            throw new RuleException(peek().column(), "expected a condition such as title =~ \"word\", found end of rule");
        }
        Node n = or();
        if (peek().type() != Token.Type.END) {
            throw new RuleException(peek().column(), "expected and, or or the end of the rule, found " + peek().describe());
        }
        return n;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Token.Type.END) {
            pos++;
        }
        return t;
    }

    private Node or() throws RuleException {
        List<Node> parts = new ArrayList<>();
        parts.add(and());
        while (peek().type() == Token.Type.OR) {
            next();
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Node.Any(List.copyOf(parts));
    }

    private Node and() throws RuleException {
        List<Node> parts = new ArrayList<>();
        parts.add(unary());
        while (peek().type() == Token.Type.AND) {
            next();
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Node.All(List.copyOf(parts));
    }

    private Node unary() throws RuleException {
        Token t = peek();
        if (t.type() == Token.Type.NOT || t.type() == Token.Type.LPAREN) {
            if (++depth > MAX_DEPTH) {
                throw new RuleException(t.column(), "nested deeper than " + MAX_DEPTH + " levels");
            }
            next();
            Node inner;
            if (t.type() == Token.Type.NOT) {
                inner = new Node.Not(unary());
            } else {
                inner = or();
                Token close = next();
                if (close.type() != Token.Type.RPAREN) {
                    throw new RuleException(close.column(), "expected ')' to close the '(' at column " + t.column()
                            + ", found " + close.describe());
                }
            }
            depth--;
            return inner;
        }
        return condition();
    }

    private Node condition() throws RuleException {
        Token name = next();
        if (name.type() != Token.Type.WORD) {
            throw new RuleException(name.column(), "expected a field such as title, found " + name.describe());
        }
        Field field = Field.byName(name.text());
        if (field == null) {
            throw new RuleException(name.column(), "unknown field '" + Lexer.shorten(name.text()) + "' (fields: "
                    + fieldNames() + ")");
        }
        Token op = peek();
        Node.Check check;
        java.util.function.Supplier<String> label;
        if (op.type() == Token.Type.OP || op.isWord("between")) {
            next();
            Token value = value();
            check = conditions.compare(field, op, value);
            label = () -> field.ruleName() + " " + op.text() + " \"" + Lexer.shorten(value.text()) + "\"";
        } else if (op.isWord("in") || (op.type() == Token.Type.NOT && tokens.get(pos + 1).isWord("in"))) {
            boolean negated = op.type() == Token.Type.NOT;
            if (negated) {
                next();
            }
            Token in = next();
            Token open = next();
            if (open.type() != Token.Type.LPAREN) {
                throw new RuleException(open.column(), "expected '(' after in, found " + open.describe());
            }
            List<Token> values = new ArrayList<>();
            values.add(value());
            while (peek().type() == Token.Type.COMMA) {
                next();
                values.add(value());
            }
            Token close = next();
            if (close.type() != Token.Type.RPAREN) {
                throw new RuleException(close.column(), "expected ',' or ')', found " + close.describe());
            }
            Node.Check inner = conditions.in(field, in, values);
            check = negated ? v -> !inner.test(v) : inner;
            label = () -> field.ruleName() + (negated ? " not in (…)" : " in (…)");
        } else if (op.type() == Token.Type.AND || op.type() == Token.Type.OR || op.type() == Token.Type.RPAREN
                || op.type() == Token.Type.END) {
            check = conditions.bare(field, op);
            label = field::ruleName;
        } else {
            throw new RuleException(op.column(), "expected an operator (" + Conditions.operators(field.kind) + ") after "
                    + field.ruleName() + ", found " + op.describe());
        }
        java.util.function.Supplier<String> what = label;
        return new Node.Condition(field, () -> what.get() + " at column " + name.column(), check, trouble);
    }

    private Token value() throws RuleException {
        Token v = next();
        if (v.type() != Token.Type.WORD && v.type() != Token.Type.STRING) {
            throw new RuleException(v.column(), "expected a value, found " + v.describe());
        }
        return v;
    }

    static String fieldNames() {
        StringBuilder sb = new StringBuilder();
        for (Field f : Field.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(f.ruleName());
        }
        return sb.toString();
    }
}
