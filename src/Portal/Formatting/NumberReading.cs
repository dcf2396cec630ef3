namespace GonPortal.Portal.Formatting;

/// <summary>
/// What <see cref="DutchNumber"/> made of a typed number: the value in the kind's unit (cents, basis points,
/// minutes or the count), or a Dutch sentence saying how to write it. Never both.
/// </summary>
public readonly record struct NumberReading
{
    private NumberReading(long? value, string? message, bool empty)
    {
        Value = value;
        Message = message;
        IsEmpty = empty;
    }

    /// <summary>The value in the kind's unit; null when the text could not be read.</summary>
    public long? Value { get; }

    /// <summary>Why the text could not be read and how to write it; null when it was read.</summary>
    public string? Message { get; }

    /// <summary>Nothing (or only spaces) was typed; <see cref="Message"/> then asks for a value.</summary>
    public bool IsEmpty { get; }

    public bool IsRead => Value is not null;

    public static NumberReading Read(long value) => new(value, null, false);

    public static NumberReading Refused(string message) => new(null, message, false);

    public static NumberReading Empty(string message) => new(null, message, true);
}
