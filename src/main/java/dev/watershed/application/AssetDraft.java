package dev.watershed.application;

import dev.watershed.domain.asset.AssetKind;
import dev.watershed.domain.asset.Criticality;
import dev.watershed.domain.contract.CompatibilityMode;
import java.util.List;

/** The metadata a client gives when it registers or updates an asset; {@code null} means "the default". */
public record AssetDraft(String name, AssetKind kind, String owner, String description, List<String> tags,
                         Criticality criticality, CompatibilityMode compatibility, Boolean strictCompatibility) {
}
