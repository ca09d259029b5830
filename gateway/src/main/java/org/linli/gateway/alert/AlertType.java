package org.linli.gateway.alert;

/** What the alert is about, with the Chinese title grid workers read and the first thing to do. */
public enum AlertType {
    GAS_LEAK("燃气泄漏报警", "Gas alarm",
            "立即电话联系住户并前往现场；勿开关电器、勿用明火，开窗通风，必要时关闭燃气总阀并拨打燃气抢修电话。"),
    FIRE("烟感火警", "Smoke / fire alarm",
            "立即电话联系住户并前往现场确认；如确认起火，拨打119并组织疏散，调取楼栋摄像头查看。");

    private final String title;
    private final String englishTitle;
    private final String nextStep;

    AlertType(String title, String englishTitle, String nextStep) {
        this.title = title;
        this.englishTitle = englishTitle;
        this.nextStep = nextStep;
    }

    public String title() {
        return title;
    }

    public String englishTitle() {
        return englishTitle;
    }

    public String nextStep() {
        return nextStep;
    }
}
