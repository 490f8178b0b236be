package io.roxxane.schema;

/** The five Hive partition values of one sample; all are safe S3 path segments. */
public final class PartitionKeys {
    private final String service;
    private final String year;
    private final String month;
    private final String day;
    private final String hour;

    PartitionKeys(String service, String year, String month, String day, String hour) {
        this.service = service;
        this.year = year;
        this.month = month;
        this.day = day;
        this.hour = hour;
    }

    public String service() {
        return service;
    }

    /** Four digits. */
    public String year() {
        return year;
    }

    /** Two digits, 01-12. */
    public String month() {
        return month;
    }

    /** Two digits, 01-31. */
    public String day() {
        return day;
    }

    /** Two digits, 00-23. */
    public String hour() {
        return hour;
    }

    /** {@code service=…/year=YYYY/month=MM/day=DD/hour=HH/}, relative, ending in a slash. */
    public String path() {
        return "service=" + service + "/year=" + year + "/month=" + month + "/day=" + day + "/hour=" + hour + "/";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PartitionKeys)) {
            return false;
        }
        return path().equals(((PartitionKeys) o).path());
    }

    @Override
    public int hashCode() {
        return path().hashCode();
    }

    @Override
    public String toString() {
        return path();
    }
}
