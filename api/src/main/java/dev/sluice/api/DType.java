package dev.sluice.api;

/**
 * The element type of a {@link Tensor}, with the names PyTorch and NumPy use.
 *
 * <p>Elements are stored little-endian, so a tensor's bytes can be handed to NumPy
 * ({@code '<f4'}, {@code '<i8'}, ...) or to native code on x86-64 and AArch64 without conversion.
 */
public enum DType {
    /** Unsigned 8-bit integer ({@code torch.uint8}); pixels. */
    UINT8(1, "uint8", "|u1"),
    /**
     * Unsigned 16-bit integer ({@code torch.uint16}, NumPy's {@code uint16}); the pixels of 16-bit
     * PNG and TIFF images decoded with {@link ColorMode#UNCHANGED}.
     */
    UINT16(2, "uint16", "<u2"),
    /** Signed 32-bit integer ({@code torch.int32}). */
    INT32(4, "int32", "<i4"),
    /** Signed 64-bit integer ({@code torch.int64}); labels and indices. */
    INT64(8, "int64", "<i8"),
    /** 32-bit IEEE float ({@code torch.float32}); model inputs. */
    FLOAT32(4, "float32", "<f4"),
    /** 64-bit IEEE float ({@code torch.float64}); what {@code default_collate} makes of Java doubles. */
    FLOAT64(8, "float64", "<f8");

    private final int byteSize;
    private final String id;
    private final String numpyDescriptor;

    DType(int byteSize, String id, String numpyDescriptor) {
        this.byteSize = byteSize;
        this.id = id;
        this.numpyDescriptor = numpyDescriptor;
    }

    /** Bytes per element: 1, 2, 4 or 8. */
    public int byteSize() {
        return byteSize;
    }

    /** The lower-case name used in configuration and messages, as PyTorch spells it ({@code "float32"}). */
    public String id() {
        return id;
    }

    /** The NumPy array-interface type string ({@code "<f4"}), for writing {@code .npy} files. */
    public String numpyDescriptor() {
        return numpyDescriptor;
    }

    /**
     * Looks a type up by its {@link #id()}.
     *
     * @throws IllegalArgumentException naming the known ids when {@code id} is not one of them
     */
    public static DType fromId(String id) {
        for (DType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        StringBuilder known = new StringBuilder();
        for (DType type : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(type.id);
        }
        throw new IllegalArgumentException("unknown dtype '" + id + "'; known: " + known);
    }

    @Override
    public String toString() {
        return id;
    }
}
