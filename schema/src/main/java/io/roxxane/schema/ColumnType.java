package io.roxxane.schema;

/** The type of a column, as Glue, Athena and Parquet name it, and how JSON must carry it. */
public enum ColumnType {
    /** 64-bit signed integer; JSON integral number. */
    BIGINT("bigint"),
    /** 32-bit signed integer; JSON integral number. */
    INT("int"),
    /** 64-bit IEEE float; JSON number. */
    DOUBLE("double"),
    /** UTF-8 text; JSON string. */
    STRING("string"),
    /** String keys to string values; JSON object of strings. */
    STRING_MAP("map<string,string>");

    private final String glueType;

    ColumnType(String glueType) {
        this.glueType = glueType;
    }

    /** The type as written in a Glue table, a CloudFormation template or Athena DDL. */
    public String glueType() {
        return glueType;
    }
}
