package io.agrisense.platform.model.warning;

import java.util.Locale;

/** What a warning is about; the wire name keys the warning per station (one live warning per hazard and subject). */
public enum Hazard {
    FROST, LOW_OXYGEN, LIVESTOCK_HEAT, CROP_HEAT, RAINSTORM, WATERLOGGING, GALE, PEST_STAGE, DISEASE_INFECTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
