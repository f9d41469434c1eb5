package dev.watershed.application;

import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.auth.Caller;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Used until something that knows dependencies says otherwise. */
@DefaultBean
@ApplicationScoped
public class AllowAllRemovals implements AssetRemovalListener {

    @Override
    public void beforeRemoval(Caller caller, Asset asset, boolean force) {
        // nothing reads from assets while no dependency store is present
    }
}
