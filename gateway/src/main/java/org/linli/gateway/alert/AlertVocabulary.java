package org.linli.gateway.alert;

import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.EventType;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.Person;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words of the alert model, one place for everyone who shows an alert to a person: the Chinese label of each
 * state, action, severity, outcome and device type (a type's title and next step are on {@link AlertType}), the
 * relation words of contacts, the device events and history notes written in Chinese, the severity order, and for
 * each action a person takes its URL segment, its button, what it needs and who may do it. Which action is
 * allowed from which state is not repeated here: it is read from {@link AlertLifecycle}'s table. The console gets
 * all of it from {@code GET /api/alert-model}; the chat messages (notify) call it directly, so both say the same.
 * Every switch below is exhaustive: a new enum constant without a word does not compile. Pure and constant: no I/O,
 * no Vert.x, callable from any thread.
 */
public final class AlertVocabulary {
    /** How an action a person takes appears: its button, its URL segment, and the fields of its form. */
    public record PersonAction(AlertAction action, String segment, String button, AlertState leadsTo,
                               boolean needsOutcome, String outcomePrompt, Set<Outcome> outcomes,
                               boolean dutyOfficeOnly) {
    }

    /** Who did a step the gateway took ({@link AlertTransition#SYSTEM}), as people read it. */
    public static final String SYSTEM = "系统";

    /** Relation words installers write in English, in Chinese; anything else is shown as written. */
    private static final Map<String, String> RELATIONS = Map.ofEntries(
            Map.entry(Household.RESIDENT, "本人"), Map.entry("self", "本人"),
            Map.entry("son", "儿子"), Map.entry("daughter", "女儿"), Map.entry("child", "子女"),
            Map.entry("spouse", "配偶"), Map.entry("wife", "妻子"), Map.entry("husband", "丈夫"),
            Map.entry("father", "父亲"), Map.entry("mother", "母亲"), Map.entry("brother", "兄弟"),
            Map.entry("sister", "姐妹"), Map.entry("grandson", "孙子"), Map.entry("granddaughter", "孙女"),
            Map.entry("relative", "亲属"), Map.entry("neighbour", "邻居"), Map.entry("neighbor", "邻居"),
            Map.entry("friend", "朋友"), Map.entry("caregiver", "护工"), Map.entry("carer", "护工"),
            Map.entry("volunteer", "志愿者"), Map.entry("building leader", "楼长"), Map.entry("unit leader", "单元长"));

    private AlertVocabulary() {
    }

    /** The device type as people call it (gas_alarm → 燃气报警器). */
    public static String label(DeviceType type) {
        return switch (type) {
            case GAS_ALARM -> "燃气报警器";
            case SMOKE_DETECTOR -> "烟雾报警器";
            case WATER_METER -> "水表";
            case HEAT_METER -> "热量表";
            case CAMERA -> "摄像头";
        };
    }

    /** The label of a device type id as an alert stores it ({@code gas_alarm}), or the id when it is unknown. */
    public static String deviceTypeLabel(String typeId) {
        if (typeId == null) {
            return null;
        }
        return Arrays.stream(DeviceType.values()).filter(t -> t.id().equals(typeId)).findFirst()
                .map(AlertVocabulary::label).orElse(typeId);
    }

    /**
     * A contact's relation in Chinese: the known English words of older site files translated ({@code son} → 儿子,
     * {@code neighbour (3-2-502)} → 邻居 (3-2-502)), a Chinese relation as written.
     */
    public static String relation(String relation) {
        if (relation == null || relation.isBlank()) {
            return null;
        }
        String trimmed = relation.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        String exact = RELATIONS.get(lower);
        if (exact != null) {
            return exact;
        }
        int space = lower.indexOf(' ');
        if (space > 0 && RELATIONS.containsKey(lower.substring(0, space))) {
            return RELATIONS.get(lower.substring(0, space)) + trimmed.substring(space);
        }
        return trimmed;
    }

    /** What a device's event means, as the 说明 of its alert (an alarm of a smoke detector → 烟雾报警器发出火警). */
    public static String eventDetail(DeviceType device, EventType event) {
        String what = label(device);
        return switch (event) {
            case ALARM -> switch (device) {
                case GAS_ALARM -> what + "检测到燃气泄漏并报警";
                case SMOKE_DETECTOR -> what + "检测到烟雾，发出火警";
                default -> what + "报警";
            };
            case FAULT -> what + "报告故障";
            case SENSOR_CONTAMINATED -> what + "传感器受污染，检测可能失效";
            case VALVE_FAULT -> what + "阀门故障";
            case LOW_BATTERY -> what + "电池电量低";
            case TAMPER -> what + "被拆下或被干扰（防拆报警）";
            case SENSOR_END_OF_LIFE -> what + "传感器已到使用寿命";
            default -> what + "上报事件";
        };
    }

    /** The note of the dispatch line of a history: 派单给 李娜. */
    public static String dispatchedTo(Person to) {
        return "派单给 " + to.name();
    }

    /** The note of a reassignment line of a history: 改派给 王磊. */
    public static String reassignedTo(Person to) {
        return "改派给 " + to.name();
    }

    /** The note of an escalation line: 超时未接单（截止 10:13:51），升级给 赵强 (the deadline in the compound's zone). */
    public static String escalatedTo(Instant deadline, Person to, AlertNames names) {
        return "超时未接单" + (deadline == null ? "" : "（截止 " + names.clock(deadline) + "）") + "，升级给 " + to.name();
    }

    public static String label(AlertState state) {
        return switch (state) {
            case OPEN -> "待接单";
            case DEVICE_CLEARED -> "设备已恢复";
            case ACCEPTED -> "已接单";
            case ON_SITE -> "已到场";
            case RESOLVED -> "已处置·待核查";
            case CLOSED -> "已结案";
            case DISMISSED -> "已注销";
        };
    }

    /** The action as a line of an alert's history (告警产生, 接单, 核查结案 ...). */
    public static String label(AlertAction action) {
        return switch (action) {
            case RAISED -> "告警产生";
            case DISPATCHED -> "已派单";
            case DEVICE_CLEARED -> "设备恢复";
            case ESCALATED -> "督办升级";
            case ACCEPTED -> "接单";
            case ON_SITE -> "到场";
            case RESOLVED -> "处置完毕";
            case VERIFIED -> "核查结案";
            case DISMISSED -> "注销";
            case REASSIGNED -> "改派";
        };
    }

    /**
     * One short word per severity, the same on the console and in WeCom/DingTalk (text messages are limited to 2048
     * bytes, and the care flag 独居老人 is shown on its own: the word need not repeat it).
     */
    public static String label(Severity severity) {
        return switch (severity) {
            case CRITICAL_VULNERABLE -> "特急";
            case CRITICAL -> "紧急";
            case MAJOR -> "重要";
            case MINOR -> "一般";
            case WARNING -> "提示";
        };
    }

    /** 0 is the most urgent: the order of {@link Severity}'s constants. */
    public static int rank(Severity severity) {
        return severity.ordinal();
    }

    public static String label(Outcome outcome) {
        return switch (outcome) {
            case REAL_INCIDENT -> "真实警情";
            case FALSE_ALARM_COOKING -> "误报：烹饪油烟";
            case FALSE_ALARM_TEST -> "误报：测试";
            case RESIDENT_AWAY -> "住户外出";
            case DEVICE_FAULT -> "设备故障";
            case OTHER -> "其他";
        };
    }

    /** The actions a person may take from {@code state}, as {@link AlertLifecycle}'s table says. */
    public static Set<AlertAction> actionsFrom(AlertState state) {
        return AlertLifecycle.allowedFrom(state);
    }

    /** How a person takes {@code action}, or empty for an action only the gateway takes (raise, escalate ...). */
    public static Optional<PersonAction> personAction(AlertAction action) {
        Optional<AlertState> to = AlertLifecycle.target(action);
        if (to.isEmpty()) {
            return Optional.empty();
        }
        boolean outcome = AlertLifecycle.needsOutcome(action);
        return Optional.of(new PersonAction(action, segment(action), button(action), to.get(), outcome,
                outcome ? outcomePrompt(action) : null, AlertLifecycle.outcomesFor(action),
                // verification is the duty office checking the grid worker's work, not something one signs off oneself
                action == AlertAction.VERIFIED));
    }

    /** The action whose URL segment ({@code POST /api/alerts/{id}/<segment>}) is {@code segment}. */
    public static Optional<PersonAction> bySegment(String segment) {
        return Arrays.stream(AlertAction.values()).map(AlertVocabulary::personAction).flatMap(Optional::stream)
                .filter(p -> p.segment().equals(segment)).findFirst();
    }

    private static String segment(AlertAction action) {
        return switch (action) {
            case ACCEPTED -> "accept";
            case ON_SITE -> "on-site";
            case RESOLVED -> "resolve";
            case VERIFIED -> "verify";
            case DISMISSED -> "dismiss";
            default -> throw new IllegalArgumentException(action + " is the gateway's action: it has no URL");
        };
    }

    private static String button(AlertAction action) {
        return switch (action) {
            case ACCEPTED -> "接单";
            case ON_SITE -> "已到场";
            case RESOLVED -> "处置完毕";
            case VERIFIED -> "核查确认";
            case DISMISSED -> "注销(误报)";
            default -> throw new IllegalArgumentException(action + " is the gateway's action: it has no button");
        };
    }

    private static String outcomePrompt(AlertAction action) {
        return action == AlertAction.DISMISSED ? "注销原因" : "处置结果";
    }
}
