package org.linli.archive.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * A community's monthly report as data: one row per compound and the community's total (computed over the whole
 * community, not summed from the rows: percentiles do not add). The centre console renders it as a printable page;
 * {@link MonthlyReportCsv} writes it for Excel. {@code month} is a calendar month in {@code zone}.
 */
public record MonthlyReport(String street, String community, String communityName, YearMonth month, ZoneId zone,
                            Instant generatedAt, List<MonthlyReportRow> rows, MonthlyReportRow total) {
    public MonthlyReport {
        rows = List.copyOf(rows);
    }

    /** 2026年12月 和平里社区 告警处置月报 */
    public String title() {
        return month.getYear() + "年" + month.getMonthValue() + "月 " + communityName + " 告警处置月报";
    }
}
