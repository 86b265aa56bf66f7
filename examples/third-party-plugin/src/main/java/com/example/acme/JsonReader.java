package com.example.acme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader for one document (RFC 8259): objects become {@link Map}s in member
 * order, arrays {@link List}s, strings {@link String}s, integers that fit {@link Long}s, other
 * numbers {@link BigDecimal}s, {@code true}/{@code false} {@link Boolean}s and {@code null}
 * {@link #NULL}. A duplicate member name is an error, as it is ambiguous.
 */
final class JsonReader {
    /** What JSON's {@code null} reads as; Java's null is never returned. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int at;
    private int depth;

    JsonReader(String text) {
        this.text = text;
    }

    /** The one value the text holds, with nothing but whitespace after it. */
    Object readDocument() throws JsonSyntaxException {
        Object value = readValue();
        skipWhitespace();
        if (at < text.length()) {
            throw error("unexpected " + found() + " after the value");
        }
        return value;
    }

    /** A value for messages: strings quoted, a missing member as {@code "missing"}. */
    static String describe(Object value) {
        if (value == null) {
            return "missing";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return value instanceof Map ? "an object" : value instanceof List ? "an array" : value.toString();
    }

    private Object readValue() throws JsonSyntaxException {
        skipWhitespace();
        if (at >= text.length()) {
            throw error("the line ends where a value was expected");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return readObject();
            case '[':
                return readArray();
            case '"':
                return readString();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return readNumber();
                }
                throw error("expected a value, found " + found());
        }
    }

    private Map<String, Object> readObject() throws JsonSyntaxException {
        enter();
        at++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            at++;
            depth--;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes, found " + found());
            }
            int nameAt = at;
            String name = readString();
            skipWhitespace();
            expect(':');
            if (members.put(name, readValue()) != null) {
                at = nameAt;
                throw error("the member \"" + name + "\" appears twice");
            }
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else if (peek() == '}') {
                at++;
                depth--;
                return members;
            } else {
                throw error("expected ',' or '}', found " + found());
            }
        }
    }

    private List<Object> readArray() throws JsonSyntaxException {
        enter();
        at++;
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            depth--;
            return elements;
        }
        while (true) {
            elements.add(readValue());
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else if (peek() == ']') {
                at++;
                depth--;
                return elements;
            } else {
                throw error("expected ',' or ']', found " + found());
            }
        }
    }

    private String readString() throws JsonSyntaxException {
        int start = at;
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                at = start;
                throw error("the string starting here is not closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                at--;
                throw error("a control character must be escaped in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                at = start;
                throw error("the string starting here is not closed");
            }
            char escape = text.charAt(at++);
            switch (escape) {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(readHex4());
                default -> {
                    at -= 2;
                    throw error("unknown escape \\" + escape);
                }
            }
        }
    }

    private char readHex4() throws JsonSyntaxException {
        if (at + 4 > text.length()) {
            throw error("\\u needs four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0) {
                throw error("\\u needs four hex digits");
            }
            value = value * 16 + digit;
        }
        at += 4;
        return (char) value;
    }

    private Object readNumber() throws JsonSyntaxException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit, found " + found());
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            at++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.', found " + found());
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent, found " + found());
            }
            digits();
        }
        String number = text.substring(start, at);
        if (integral) {
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException e) {
                // Too large for a long: kept exact, and refused where an integer label is needed.
                return new BigDecimal(number);
            }
        }
        return new BigDecimal(number);
    }

    private void digits() {
        while (isDigit(peek())) {
            at++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) throws JsonSyntaxException {
        if (!text.startsWith(word, at)) {
            throw error("expected a value, found " + found());
        }
        at += word.length();
        return value;
    }

    private void enter() throws JsonSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char wanted) throws JsonSyntaxException {
        if (peek() != wanted) {
            throw error("expected '" + wanted + "', found " + found());
        }
        at++;
    }

    private int peek() {
        return at < text.length() ? text.charAt(at) : -1;
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private String found() {
        return at >= text.length() ? "the end of the line" : "'" + text.charAt(at) + "'";
    }

    private JsonSyntaxException error(String what) {
        return new JsonSyntaxException("column " + (at + 1) + ": " + what);
    }
}
