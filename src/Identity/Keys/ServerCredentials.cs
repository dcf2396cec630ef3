using GonPortal.Identity.Configuration;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace GonPortal.Identity.Keys;

/// <summary>
/// Adds the signing and encryption credentials to OpenIddict. Runs when the options are first
/// resolved (not while the builder runs) so configuration supplied late by tests is honoured.
/// Signing: certificate from <c>Identity:SigningCertificate</c>, else a persisted RSA key.
/// Encryption (authorization codes and refresh tokens only; access tokens stay plain signed JWTs):
/// certificate from <c>Identity:EncryptionCertificate</c>, else a second persisted RSA key.
/// With <c>Identity:KeyStore</c> "Database" (several Identity instances on one database) the RSA keys are
/// kept in the database instead (<see cref="SharedKeyStore"/>), so every instance signs and decrypts
/// with the same keys; certificates, when configured, still win.
/// </summary>
internal static class ServerCredentials
{
    public const string SigningKeyFile = "signing-key.pem";
    public const string EncryptionKeyFile = "encryption-key.pem";

    public static void Apply(OpenIddictServerOptions options, IdentitySettings settings, string contentRoot, IServiceScopeFactory scopes)
    {
        var keyDirectory = Path.GetFullPath(settings.KeyDirectory, contentRoot);
        var inDatabase = string.Equals(settings.KeyStore, IdentitySettings.DatabaseKeyStore, StringComparison.OrdinalIgnoreCase);
        SecurityKey Generated(string file, string name) => inDatabase
            ? PersistedRsaKey.FromPem(SharedKeyStore.LoadOrCreate(scopes, name))
            : PersistedRsaKey.LoadOrCreate(Path.Combine(keyDirectory, file));

        SecurityKey signingKey = CertificateFile.TryLoad(settings.SigningCertificate, contentRoot, "signing") is { } signingCertificate
            ? new X509SecurityKey(signingCertificate)
            : Generated(SigningKeyFile, "signing");
        options.SigningCredentials.Add(new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256));

        SecurityKey encryptionKey = CertificateFile.TryLoad(settings.EncryptionCertificate, contentRoot, "encryption") is { } encryptionCertificate
            ? new X509SecurityKey(encryptionCertificate)
            : Generated(EncryptionKeyFile, "encryption");
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            encryptionKey, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
