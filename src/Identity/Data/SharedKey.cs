namespace GonPortal.Identity.Data;

/// <summary>A generated private key shared by every Identity instance on the database (see Keys/SharedKeyStore).</summary>
public sealed class SharedKey
{
    /// <summary>"signing" or "encryption".</summary>
    public string Name { get; set; } = "";

    /// <summary>The RSA private key as PEM.</summary>
    public string Pem { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
