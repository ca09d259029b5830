package org.linli.archive.report;

import org.linli.archive.query.ScopeStatistics;

/** One line of the monthly report: a compound (its id and name) or the community's total ({@code compound} null). */
public record MonthlyReportRow(String compound, String label, ScopeStatistics figures) {
    public boolean isTotal() {
        return compound == null;
    }
}
