package org.linli.drivers.model;

/** How a quantity is written as an InfluxDB field; fixed per quantity so a series never changes type. */
public enum FieldType {
    FLOAT,
    INTEGER,
    BOOLEAN
}
