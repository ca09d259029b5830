package org.linli.gateway.alert;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The words of the alert model, one place for everyone who shows an alert to a person: the Chinese label of each
 * state, action, severity and outcome (a type's title and next step are on {@link AlertType}), the severity order,
 * and for each action a person takes its URL segment, its button, what it needs and who may do it. Which action is
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

    private AlertVocabulary() {
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
