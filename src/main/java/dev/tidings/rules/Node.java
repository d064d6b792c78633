package dev.tidings.rules;

import java.util.List;

/** A parsed rule: conditions joined by and, or, not. And/or lists are evaluated in a loop. */
sealed interface Node {
    boolean test(ItemView v);

    /** True when some condition reads {@code field}. */
    boolean mentions(Field field);

    record All(List<Node> parts) implements Node {
        @Override
        public boolean test(ItemView v) {
            for (Node p : parts) {
                if (!p.test(v)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean mentions(Field field) {
            return parts.stream().anyMatch(p -> p.mentions(field));
        }
    }

    record Any(List<Node> parts) implements Node {
        @Override
        public boolean test(ItemView v) {
            for (Node p : parts) {
                if (p.test(v)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean mentions(Field field) {
            return parts.stream().anyMatch(p -> p.mentions(field));
        }
    }

    record Not(Node inner) implements Node {
        @Override
        public boolean test(ItemView v) {
            return !inner.test(v);
        }

        @Override
        public boolean mentions(Field field) {
            return inner.mentions(field);
        }
    }

    /** One comparison; a match that gave up counts as no match and is reported once by {@code trouble}. */
    record Condition(Field field, java.util.function.Supplier<String> label, Check check, Trouble trouble) implements Node {
        @Override
        public boolean test(ItemView v) {
            try {
                return check.test(v);
            } catch (BoundedRegex.GaveUp e) {
                trouble.gaveUp(label.get());
                return false;
            }
        }

        @Override
        public boolean mentions(Field f) {
            return field == f;
        }
    }

    @FunctionalInterface
    interface Check {
        boolean test(ItemView v);
    }
}
