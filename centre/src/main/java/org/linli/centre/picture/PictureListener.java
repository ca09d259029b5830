package org.linli.centre.picture;

import io.vertx.core.json.JsonObject;
import org.linli.centre.site.CompoundRef;

/** Told of every change of the {@link Picture}, on the event loop, after the change. */
public interface PictureListener {
    /** A new alert or a newer version of one, as the centre alert JSON (contract). */
    void onAlert(CompoundRef compound, JsonObject centreAlert);

    /** The compound's health changed (a summary, reachability). */
    void onCompound(CompoundRef compound, JsonObject health);
}
