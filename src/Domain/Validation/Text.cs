namespace GonPortal.Domain.Validation;

/// <summary>Rules for free text and identifiers shared by several requests.</summary>
public static class Text
{
    /// <summary>Client idempotency keys: 1-100 printable characters.</summary>
    public static void RequestId(Violations v, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            v.Add(field, "is required: a client-chosen idempotency key of 1-100 characters");
        }
        else if (value.Length > 100 || value.Any(char.IsControl))
        {
            v.Add(field, "must be 1-100 printable characters");
        }
    }

    /// <summary>Required text of bounded length, trimmed.</summary>
    public static void Required(Violations v, string field, string? value, int min, int max)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            v.Add(field, "is required");
        }
        else if (trimmed.Length < min || trimmed.Length > max)
        {
            v.Add(field, $"must be {min}-{max} characters");
        }
    }

    /// <summary>Optional text of bounded length.</summary>
    public static void Optional(Violations v, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            v.Add(field, $"must be at most {max} characters");
        }
    }

    public static bool IsDigits(string value, int length) => value.Length == length && value.All(char.IsAsciiDigit);
}
