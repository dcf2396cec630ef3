using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Validation;

/// <summary>
/// The area id of a request, checked against <see cref="Areas"/> with one wording everywhere, so a
/// fifth area would be added in one place.
/// </summary>
public static class AreaIdRules
{
    public const string Field = "area_id";

    /// <summary>An id naming one area; returns whether it does.</summary>
    public static bool Required(Violations v, int areaId, string field = Field) =>
        v.Check(!Areas.Exists(areaId), field, "must be an area id 1-4");

    /// <summary>An area filter of a list: 0 means all areas; returns whether the filter is usable.</summary>
    public static bool Filter(Violations v, int areaId) =>
        v.Check(areaId != 0 && !Areas.Exists(areaId), Field, "must be 0 (all) or an area id 1-4");
}
