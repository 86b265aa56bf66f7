package com.example.acme;

import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One JSON Lines object as the format uses it: its path and labels, or what is wrong with them.
 * Members other than {@code "path"} and {@code "labels"} are stepped over.
 *
 * @param path the image's path; null when there is a problem
 * @param labels its labels; null when there is a problem
 * @param problem what is wrong; null when there is nothing
 */
record Line(String path, long[] labels, String problem) {
    private static final String NOT_AN_OBJECT = "each line must be a JSON object with \"path\" and \"labels\"";
    private static final String PATH = "\"path\" must be a non-empty string, was ";
    private static final String LABELS = "\"labels\" must be an array of integers, was ";

    /**
     * Reads the value at the parser's start, which must be the line's only value.
     *
     * @throws tools.jackson.core.JacksonException if the text is not well-formed JSON
     */
    static Line read(JsonParser json) {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            json.skipChildren();
            return new Line(null, null, NOT_AN_OBJECT);
        }
        String path = null;
        String pathProblem = PATH + "missing";
        Line labels = new Line(null, null, LABELS + "missing");
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (name.equals("path")) {
                boolean named = value == JsonToken.VALUE_STRING && !json.getString().isEmpty();
                path = named ? json.getString() : null;
                pathProblem = named ? null : PATH + shown(json);
            } else if (name.equals("labels")) {
                labels = value == JsonToken.START_ARRAY ? readLabels(json) : new Line(null, null, LABELS + shown(json));
            }
            json.skipChildren();
        }
        if (pathProblem != null) {
            return new Line(null, null, pathProblem);
        }
        return labels.problem() != null ? labels : new Line(path, labels.labels(), null);
    }

    /** The integers of the array the parser is at, or the first element that is not one; the array is read to its end. */
    private static Line readLabels(JsonParser json) {
        long[] labels = new long[8];
        int count = 0;
        String problem = null;
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            boolean integer = token == JsonToken.VALUE_NUMBER_INT
                    && json.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
            if (problem == null && !integer) {
                problem = "label " + count + " must be an integer, was " + shown(json);
            }
            if (problem == null) {
                if (count == labels.length) {
                    labels = Arrays.copyOf(labels, 2 * count);
                }
                labels[count++] = json.getLongValue();
            }
            json.skipChildren();
        }
        return problem != null ? new Line(null, null, problem) : new Line(null, Arrays.copyOf(labels, count), null);
    }

    /** The current value for messages: scalars as written, strings quoted, containers by kind. */
    private static String shown(JsonParser json) {
        return switch (json.currentToken()) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "\"" + json.getString() + "\"";
            default -> json.getString();
        };
    }
}
