package com.example.acme;

/** Writes JSON strings for tests, as other tools write them. */
final class JsonText {
    private JsonText() {
    }

    /**
     * {@code text} as a JSON string literal: quotes, backslashes and control characters escaped,
     * and with {@code asciiOnly} every other non-ASCII character as {@code \\uXXXX} too.
     */
    static String quote(String text, boolean asciiOnly) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (asciiOnly && c > 0x7E)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
