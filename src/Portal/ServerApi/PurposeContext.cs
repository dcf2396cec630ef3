namespace GonPortal.Portal.ServerApi;

/// <summary>
/// The purpose a gemeente user gave for looking across tenants, kept for the circuit (one browser tab).
/// Every call is sent with it in the <c>gon-purpose</c> header, so the Server records it in the audit trail.
/// </summary>
public sealed class PurposeContext
{
    /// <summary>The metadata header the Server reads.</summary>
    public const string Header = "gon-purpose";

    /// <summary>The Server accepts at most this many characters.</summary>
    public const int MaxLength = 500;

    public string? Purpose { get; private set; }

    public bool HasPurpose => !string.IsNullOrWhiteSpace(Purpose);

    public event Action? Changed;

    public void Set(string purpose)
    {
        Purpose = purpose.Trim();
        Changed?.Invoke();
    }
}
