package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DTypeTest {

    @Test
    void fromIdFindsEveryTypeByItsPyTorchName() {
        assertSame(DType.UINT8, DType.fromId("uint8"));
        assertSame(DType.INT32, DType.fromId("int32"));
        assertSame(DType.INT64, DType.fromId("int64"));
        assertSame(DType.FLOAT32, DType.fromId("float32"));
        assertSame(DType.FLOAT64, DType.fromId("float64"));
        for (DType type : DType.values()) {
            assertSame(type, DType.fromId(type.toString()));
        }
    }

    @Test
    void fromIdRefusesAnUnknownNameListingTheKnownOnes() {
        assertEquals("unknown dtype 'float16'; known: uint8, uint16, int32, int64, float32, float64",
                assertThrows(IllegalArgumentException.class, () -> DType.fromId("float16")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DType.fromId("FLOAT32"));
        assertThrows(IllegalArgumentException.class, () -> DType.fromId(null));
    }

    @Test
    void sizesAndNumpyDescriptorsMatchNumpy() {
        assertEquals("1 |u1", DType.UINT8.byteSize() + " " + DType.UINT8.numpyDescriptor());
        assertEquals("4 <i4", DType.INT32.byteSize() + " " + DType.INT32.numpyDescriptor());
        assertEquals("8 <i8", DType.INT64.byteSize() + " " + DType.INT64.numpyDescriptor());
        assertEquals("4 <f4", DType.FLOAT32.byteSize() + " " + DType.FLOAT32.numpyDescriptor());
        assertEquals("8 <f8", DType.FLOAT64.byteSize() + " " + DType.FLOAT64.numpyDescriptor());
    }
}
