namespace GonPortal.Server.Tests.Fuzz;

/// <summary>The kinds of bad request the fuzzer sends; each request belongs to exactly one.</summary>
public enum FuzzClass
{
    /// <summary>Random bytes that are no protobuf message.</summary>
    Garbage,
    /// <summary>A valid request cut short.</summary>
    Truncated,
    /// <summary>A string field (at any depth) holding bytes that are not UTF-8.</summary>
    InvalidUtf8,
    /// <summary>A number field at int32/int64/uint minimum or maximum, -1 or 0.</summary>
    NumberExtremes,
    /// <summary>A repeated field with 100,000 items.</summary>
    HugeList,
    /// <summary>An enum field holding a number the enum does not define (999, -1, int.MaxValue).</summary>
    EnumOutOfRange,
    /// <summary>NUL and other control characters in a text field.</summary>
    ControlCharacters,
    /// <summary>A text field of spaces, tabs or other white space only.</summary>
    WhitespaceOnly,
    /// <summary>A text field of 10,000 to 1,000,000 characters.</summary>
    LongString,
    /// <summary>An id that is malformed, unknown, empty, of another kind or another tenant's.</summary>
    BadId,
    /// <summary>A google.type.Date that is no day (month 13, 30 February, year 0 or 10000).</summary>
    InvalidDate,
    /// <summary>A message with no fields (zero bytes).</summary>
    Empty,
    /// <summary>A valid-looking request with one field set to a random value of its type.</summary>
    MutatedField,
    /// <summary>A valid-looking request with field numbers the contract does not know, or a known number with a wrong wire type.</summary>
    UnknownFields,
    /// <summary>The valid-looking request itself, unchanged: the baseline the mutations start from.</summary>
    Valid,
}
