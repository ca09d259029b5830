package org.linli.drivers.onvif;

/** One physical video input from GetVideoSources. */
public record VideoSource(String token, double framerate, int width, int height) {
}
