package org.linli.gateway.alert;

/** What the alert is about, with the Chinese title grid workers read and the first thing to do. */
public enum AlertType {
    GAS_LEAK("燃气泄漏报警", "Gas alarm",
            "立即电话联系住户并前往现场；勿开关电器、勿用明火，开窗通风，必要时关闭燃气总阀并拨打燃气抢修电话。"),
    FIRE("烟感火警", "Smoke / fire alarm",
            "立即电话联系住户并前往现场确认；如确认起火，拨打119并组织疏散，调取楼栋摄像头查看。"),
    BUS_OFFLINE("采集总线离线", "Serial bus offline",
            "检查网关箱内RS-485转换器（USB口、电源、接线）；总线恢复前其下所有表具读数暂停。"),
    DEVICE_OFFLINE("设备离线", "Device offline",
            "核实设备供电、电池与信号；必要时上门检查设备是否被拆除。"),
    CAMERA_OFFLINE("摄像头离线", "Camera offline",
            "检查摄像头供电与网络；恢复前该区域无法远程核实报警。"),
    CAMERA_EVENTS_STALE("摄像头事件中断", "Camera events stale",
            "摄像头在线但事件订阅无响应；检查摄像头是否重启或固件异常。"),
    CAMERA_TAMPER("摄像头遮挡/移位", "Camera tampered",
            "摄像头画面被遮挡、移位或过暗；安排人员现场查看。"),
    CAMERA_MOTION("禁区夜间移动", "Motion in a watched area",
            "查看摄像头抓拍；必要时通知保安或网格员前往查看。");

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
