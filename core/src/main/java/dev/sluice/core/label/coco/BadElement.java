package dev.sluice.core.label.coco;

/** An element of a COCO file that is wrong: the problem goes to the sink, the element is left out. */
final class BadElement extends Exception {
    private static final long serialVersionUID = 1L;

    BadElement(String message) {
        super(message, null, false, false);
    }
}
