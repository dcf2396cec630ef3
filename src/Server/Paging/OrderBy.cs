using GonPortal.Domain.Validation;

namespace GonPortal.Server.Paging;

/// <summary>
/// A list request's order_by (AIP-132): one field, optionally followed by "asc" or "desc" ("name", "birth_date desc").
/// <see cref="Canonical"/> is the one spelling of it that page tokens carry.
/// </summary>
public sealed record OrderBy(string Field, bool Descending)
{
    public const string FieldName = "order_by";

    public string Canonical => Descending ? $"{Field} desc" : Field;

    /// <summary>Null for an empty order_by (the list's own order); a violation on order_by for anything not in <paramref name="allowed"/>.</summary>
    public static OrderBy? Parse(Violations v, string? text, IReadOnlyCollection<string> allowed)
    {
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return null;
        }
        var fields = string.Join(", ", allowed.Order(StringComparer.Ordinal));
        if (parts.Length > 2 || !allowed.Contains(parts[0]))
        {
            v.Add(FieldName, $"must be one of {fields}, optionally followed by asc or desc");
            return null;
        }
        if (parts.Length == 2 && parts[1] is not ("asc" or "desc"))
        {
            v.Add(FieldName, "direction must be asc or desc");
            return null;
        }
        return new OrderBy(parts[0], parts.Length == 2 && parts[1] == "desc");
    }
}
