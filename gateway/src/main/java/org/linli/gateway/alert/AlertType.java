package org.linli.gateway.alert;

/** What the alert is about, with the Chinese title grid workers read and the first thing to do. */
public enum AlertType {
    GAS_LEAK("燃气泄漏报警", "Gas alarm",
            "立即电话联系住户并前往现场；勿开关电器、勿用明火，开窗通风，必要时关闭燃气总阀并拨打燃气抢修电话。"),
    FIRE("烟感火警", "Smoke / fire alarm",
            "立即电话联系住户并前往现场确认；如确认起火，拨打119并组织疏散，调取楼栋摄像头查看。"),
    BUS_OFFLINE("采集总线离线", "Serial bus offline",
            "检查网关箱内RS-485转换器（USB口、电源、接线）；总线恢复前其下所有表具读数暂停。"),
    BROKER_OFFLINE("MQTT连接中断", "MQTT broker connection lost",
            "检查网关网络与MQTT服务器（Mosquitto）是否运行；恢复前MQTT设备的读数与报警送不到网关，请电话联系重点住户。"),
    DEVICE_OFFLINE("设备离线", "Device offline",
            "核实设备供电、电池与信号；必要时上门检查设备是否被拆除。"),
    CAMERA_OFFLINE("摄像头离线", "Camera offline",
            "检查摄像头供电与网络；恢复前该区域无法远程核实报警。"),
    CAMERA_EVENTS_STALE("摄像头事件中断", "Camera events stale",
            "摄像头在线但事件订阅无响应；检查摄像头是否重启或固件异常。"),
    CAMERA_TAMPER("摄像头遮挡/移位", "Camera tampered",
            "摄像头画面被遮挡、移位或过暗；安排人员现场查看。"),
    CAMERA_MOTION("禁区夜间移动", "Motion in a watched area",
            "查看摄像头抓拍；必要时通知保安或网格员前往查看。"),
    DEVICE_FAULT("设备故障", "Device fault",
            "设备报告故障，报警功能可能失效；联系住户并安排维修或更换。"),
    LOW_BATTERY("电池电量低", "Low battery",
            "提醒住户或安排人员更换电池；烟感低电时报警可能失效。"),
    DEVICE_TAMPER("设备被拆除/防拆报警", "Device removed or tampered",
            "设备被拆下或被干扰，已失去保护；联系住户确认并重新安装。"),
    SENSOR_END_OF_LIFE("传感器到期", "Sensor end of life",
            "传感器已到使用寿命，检测不再可靠；安排更换探测器。"),
    WATER_CONTINUOUS_FLOW("疑似漏水（持续用水）", "Suspected leak (continuous flow)",
            "24小时内每半小时均有用水；联系住户检查水龙头、马桶与管道。"),
    WATER_HIGH_USE("日用水量异常", "Abnormal daily water use",
            "24小时用水量超过阈值；联系住户确认是否漏水或水管破裂。"),
    WATER_INACTIVITY_WARNING("独居老人用水异常（提醒）", "No water use (warning)",
            "独居老人家中长时间未用水；电话联系老人，未接通时联系家属。"),
    WATER_INACTIVITY("独居老人长时间未用水", "No water use (alarm)",
            "独居老人家中24小时未用水；立即电话联系，无应答即上门查看并通知家属。");

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
