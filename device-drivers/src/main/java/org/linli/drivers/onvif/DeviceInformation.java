package org.linli.drivers.onvif;

/** GetDeviceInformation: who made the camera and which firmware it runs (selects the topic profile). */
public record DeviceInformation(String manufacturer, String model, String firmwareVersion, String serialNumber,
        String hardwareId) {
}
