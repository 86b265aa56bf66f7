package com.example.acme;

/** A line is not well-formed JSON; the message says where (column) and what was expected. */
final class JsonSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    JsonSyntaxException(String message) {
        super(message);
    }
}
