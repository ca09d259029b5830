package org.linli.gateway.notify;

import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertVocabulary;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes alerts as Chinese messages for a grid worker reading on a phone: the place first (3号楼2单元501室 and the
 * compact 3-2-501), care flags with 独居老人 first and in the title, what happened, who is responsible, family
 * contacts (life-safety alerts in elderly households), the next step, evidence and a link. Digests list one line per
 * minor alert (place, type, count, link) so a glance shows where to go. The words for severities and relations are
 * {@link AlertVocabulary}'s, the names of grids and areas and the local time the alert's {@link
 * org.linli.gateway.alert.AlertNames}, the same the console shows. Immutable: callable from any thread.
 */
final class AlertMessages {
    private final AlertLinks links;

    AlertMessages(AlertLinks links) {
        this.links = links;
    }

    /** "3号楼2单元501室（3-2-501）", or the compound's name for an alert without a place. */
    static String place(Alert a) {
        Location l = a.location();
        if (l == null) {
            return a.compound() + "（无具体楼栋）";
        }
        String area = a.names().areaName();
        return area == null ? l.describe() + "（" + l + "）" : l.building() + "号楼 " + area;
    }

    static String careLabels(Alert a) {
        return a.care().stream().sorted().map(CareFlag::label).collect(Collectors.joining("、"));
    }

    /** The mentioned phones: the grid worker's, for life-safety alerts only (a minor alert must not buzz a phone). */
    static List<String> mentions(Alert a) {
        if (!a.severity().isLifeSafety()) {
            return List.of();
        }
        List<String> phones = new ArrayList<>();
        if (a.gridWorker() != null && a.gridWorker().phone() != null) {
            phones.add(a.gridWorker().phone());
        }
        if (escalated(a) && a.escalatedTo().phone() != null && !phones.contains(a.escalatedTo().phone())) {
            phones.add(a.escalatedTo().phone()); // whoever it went up to must hear it ring too
        }
        return phones;
    }

    /** Not accepted in time and handed up (grid leader, duty office), and still nobody has accepted it. */
    static boolean escalated(Alert a) {
        return a.escalationLevel() > 0 && a.escalatedTo() != null && a.state().awaitingAcceptance();
    }

    RenderedMessage single(Alert a, boolean repeat) {
        String title = title(a, repeat);
        List<String[]> fields = fields(a, repeat);
        StringBuilder md = new StringBuilder("### ").append(title).append('\n');
        StringBuilder text = new StringBuilder(title).append('\n');
        for (String[] f : fields) {
            md.append("**").append(f[0]).append("**：").append(f[1]).append("  \n");
            text.append(f[0]).append("：").append(f[1]).append('\n');
        }
        String link = links.alert(a.id());
        md.append("[查看告警 ").append(a.id()).append("](").append(link).append(')');
        text.append("告警链接：").append(link);
        return new RenderedMessage(title, md.toString(), text.toString(), mentions(a));
    }

    private static String title(Alert a, boolean repeat) {
        StringBuilder t = new StringBuilder();
        if (a.care().contains(CareFlag.ELDERLY_LIVING_ALONE)) {
            t.append("【独居老人】");
        }
        t.append(escalated(a) ? "【超时未接单·已升级】" : repeat ? "【再次报警】" : "").append(a.type().title()).append(' ')
                .append(a.location() == null ? a.compound() : a.location().toString());
        return t.toString();
    }

    private List<String[]> fields(Alert a, boolean repeat) {
        List<String[]> f = new ArrayList<>();
        f.add(new String[] {"地点", a.compound() + " " + place(a)});
        if (!a.care().isEmpty()) {
            f.add(new String[] {"住户", careLabels(a)});
        }
        String what = a.type().title() + "，级别：" + AlertVocabulary.label(a.severity())
                + (a.count() > 1 ? "，已报警 " + a.count() + " 次" : "") + (repeat ? "（持续未处理）" : "");
        f.add(new String[] {"情况", what});
        if (!a.detail().isBlank()) {
            f.add(new String[] {"详情", a.detail()});
        }
        f.add(new String[] {"网格员", a.gridWorker() == null ? "未分配（请社区值班室处理）"
                : a.gridWorker().name() + " " + nullToEmpty(a.gridWorker().phone())});
        if (escalated(a)) {
            f.add(new String[] {"升级", "第 " + a.escalationLevel() + " 级，已转 " + a.escalatedTo().name() + " "
                    + nullToEmpty(a.escalatedTo().phone()) + "，请立即接单"});
        }
        List<String> resident = a.contacts().stream().filter(Household.Contact::isResident)
                .map(Household.Contact::phone).toList();
        if (!resident.isEmpty()) {
            f.add(new String[] {"住户电话", String.join("、", resident)});
        }
        if (showContacts(a)) {
            f.add(new String[] {"家属", a.contacts().stream().filter(c -> !c.isResident()).map(AlertMessages::contact)
                    .collect(Collectors.joining("；"))});
        }
        f.add(new String[] {"下一步", a.type().nextStep()});
        if (!a.evidence().isEmpty()) {
            f.add(new String[] {"证据", links.evidence(a.evidence().get(a.evidence().size() - 1))});
        }
        if (a.gridId() != null) {
            f.add(new String[] {"网格", a.names().gridName() != null ? a.names().gridName() : a.gridId()});
        }
        f.add(new String[] {"时间", a.names().local(a.raisedAt())});
        return f;
    }

    /** Family contacts matter when nobody inside may answer: life-safety alerts in elderly households. */
    private static boolean showContacts(Alert a) {
        return a.severity().isLifeSafety() && a.contacts().stream().anyMatch(c -> !c.isResident())
                && (a.care().contains(CareFlag.ELDERLY_LIVING_ALONE) || a.care().contains(CareFlag.EMPTY_NEST));
    }

    private static String contact(Household.Contact c) {
        String relation = AlertVocabulary.relation(c.relation());
        return nullToEmpty(c.name()) + (relation == null ? "" : "（" + relation + "）") + " " + c.phone();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** One line of a digest: severity, place, type, repeat count, link. */
    String digestLine(Alert a) {
        return "- [" + AlertVocabulary.label(a.severity()) + "] " + place(a) + " " + a.type().title()
                + (a.count() > 1 ? " ×" + a.count() : "")
                + (a.gridWorker() == null ? "" : " · " + a.gridWorker().name())
                + " [" + a.id() + "](" + links.alert(a.id()) + ")";
    }

    RenderedMessage digest(List<Alert> alerts) {
        String title = alerts.size() + " 条一般告警（" + alerts.get(0).compound() + "）";
        StringBuilder md = new StringBuilder("### ").append(title).append('\n');
        for (Alert a : alerts) {
            md.append(digestLine(a)).append('\n');
        }
        md.append("请网格员当天内处理。");
        String text = md.toString().replace("### ", "");
        return new RenderedMessage(title, md.toString(), text, List.of());
    }

    /**
     * How many of {@code pending} (oldest first) fit whole into one digest of at most {@code maxBytes}: a digest never
     * cuts a line, the rest waits for the next digest. At least one, even if that one will be truncated.
     */
    int digestCapacity(List<Alert> pending, int maxBytes) {
        int n = 1;
        while (n < pending.size() && Utf8Text.bytes(digest(pending.subList(0, n + 1)).markdown()) <= maxBytes) {
            n++;
        }
        return n;
    }
}
