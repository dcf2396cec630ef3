using GonPortal.Domain.Common;

namespace GonPortal.Domain.Validation;

/// <summary>
/// Collects every field violation of a request before failing, so a caller learns all that is
/// wrong in one round trip instead of one field at a time.
/// </summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _items = [];

    public bool Any => _items.Count > 0;

    public IReadOnlyList<FieldViolation> Items => _items;

    public Violations Add(string field, string description)
    {
        _items.Add(new FieldViolation(field, description));
        return this;
    }

    /// <summary>Adds the violation when <paramref name="broken"/> holds; returns whether the rule held.</summary>
    public bool Check(bool broken, string field, string description)
    {
        if (broken)
        {
            Add(field, description);
        }
        return !broken;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new DomainValidationException(_items.ToList());
        }
    }
}
