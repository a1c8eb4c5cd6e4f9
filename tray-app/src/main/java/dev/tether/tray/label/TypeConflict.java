package dev.tether.tray.label;

/**
 * A family that was dropped from the snapshot because an earlier source already gave that name
 * (or one of its sample names) another type.
 *
 * @param family the dropped family's name
 * @param droppedFrom the target (job/instance) whose family was dropped
 * @param droppedType its type
 * @param keptFrom the source that owns the name: a target, or {@code tether-tray}
 * @param keptType the type that stays
 */
public record TypeConflict(String family, String droppedFrom, String droppedType, String keptFrom, String keptType) {
    @Override
    public String toString() {
        return "family " + family + " of " + droppedFrom + " (" + droppedType + ") dropped: "
                + keptFrom + " already has it as " + keptType;
    }
}
