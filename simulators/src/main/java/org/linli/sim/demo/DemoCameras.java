package org.linli.sim.demo;

import org.linli.gateway.config.CameraConfig;
import org.linli.gateway.config.CamerasOptions;
import org.linli.sim.camera.CameraSimOptions;
import org.linli.sim.camera.SimulatedCamera;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's cameras: one simulated ONVIF camera on loopback for each of the buildings where the scripted incidents
 * happen (3: the gas leak at 3-2-501; 7: the fire), so those alerts carry a snapshot a demo user can open on the
 * console. The cameras raise no motion on their own (no motion windows either): they are there for evidence.
 * Created and closed on the demo's main thread; each camera serves on its own threads.
 */
final class DemoCameras implements AutoCloseable {
    /** The environment variable name the site file gives as passwordEnv; the demo's gateway resolves it. */
    static final String PASSWORD_ENV = "LINLI_DEMO_CAMERA_PASSWORD";
    static final String PASSWORD = "admin123";
    /** Buildings with a camera: where Scenarios raise their incidents. */
    static final List<String> BUILDINGS = List.of("3", "7");

    private final List<SimulatedCamera> cameras = new ArrayList<>();
    private final List<CameraConfig> configs = new ArrayList<>();

    private DemoCameras() {
    }

    /** Starts one camera per building of {@link #BUILDINGS} on free loopback ports. */
    static DemoCameras start() throws IOException {
        DemoCameras demo = new DemoCameras();
        try {
            for (String building : BUILDINGS) {
                SimulatedCamera cam = new SimulatedCamera(CameraSimOptions.defaults("Building " + building + " entrance")
                        .withCredentials("admin", PASSWORD).withPorts(0, -1)).start();
                demo.cameras.add(cam);
                demo.configs.add(CameraConfig.of("cam-" + building, building + "号楼入口",
                        cam.deviceServiceUri().toString(), "admin", PASSWORD_ENV, List.of(building)));
            }
        } catch (IOException | RuntimeException e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    /** The {@code cameras:} section naming these cameras. */
    CamerasOptions options() {
        return CamerasOptions.of(configs);
    }

    @Override
    public void close() {
        cameras.forEach(SimulatedCamera::close);
    }
}
