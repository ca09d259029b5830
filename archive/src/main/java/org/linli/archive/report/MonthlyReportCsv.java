package org.linli.archive.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.linli.archive.query.ScopeStatistics;
import org.linli.archive.query.StepTimes;

/**
 * The monthly report as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as GBK), Chinese
 * headers, CRLF lines, one row per compound then the total. Times in whole seconds (rounded), the false-alarm share
 * in percent with one decimal, dark time in minutes with one decimal; an empty cell where there is nothing to measure.
 */
public final class MonthlyReportCsv {
    static final List<String> HEADERS = List.of("月份", "社区", "小区编号", "小区", "告警数", "已接单", "接单用时中位数(秒)",
            "接单用时P90(秒)", "已到场", "到场用时中位数(秒)", "到场用时P90(秒)", "已处置", "处置用时中位数(秒)",
            "处置用时P90(秒)", "有结论", "误报", "误报率", "升级告警", "一级升级", "二级及以上升级", "失联次数", "失联总时长(分钟)");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private MonthlyReportCsv() {
    }

    public static byte[] toBytes(MonthlyReport report) {
        StringBuilder out = new StringBuilder();
        line(out, HEADERS);
        for (MonthlyReportRow row : report.rows()) {
            line(out, cells(report, row));
        }
        line(out, cells(report, report.total()));
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    private static List<String> cells(MonthlyReport report, MonthlyReportRow row) {
        ScopeStatistics f = row.figures();
        long levelOne = f.escalatedByLevel().getOrDefault(1, 0L);
        return List.of(report.month().toString(), report.communityName(), row.compound() == null ? "" : row.compound(),
                row.label(), num(f.alerts()),
                num(f.accept().reached()), seconds(f.accept().p50Seconds()), seconds(f.accept().p90Seconds()),
                num(f.onSite().reached()), seconds(f.onSite().p50Seconds()), seconds(f.onSite().p90Seconds()),
                num(f.handled().reached()), seconds(f.handled().p50Seconds()), seconds(f.handled().p90Seconds()),
                num(f.withOutcome()), num(f.falseAlarms()), percent(f.falseAlarmShare()),
                num(f.escalated()), num(levelOne), num(f.escalated() - levelOne),
                num(f.darkPeriods()), String.format(Locale.ROOT, "%.1f", f.darkSeconds() / 60.0));
    }

    static String seconds(Double s) {
        return s == null ? "" : Long.toString(Math.round(s));
    }

    static String percent(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String num(long n) {
        return Long.toString(n);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String escape(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
