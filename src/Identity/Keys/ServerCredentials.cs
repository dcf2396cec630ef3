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
/// </summary>
internal static class ServerCredentials
{
    public const string SigningKeyFile = "signing-key.pem";
    public const string EncryptionKeyFile = "encryption-key.pem";

    public static void Apply(OpenIddictServerOptions options, IdentitySettings settings, string contentRoot)
    {
        var keyDirectory = Path.GetFullPath(settings.KeyDirectory, contentRoot);

        SecurityKey signingKey = CertificateFile.TryLoad(settings.SigningCertificate, contentRoot, "signing") is { } signingCertificate
            ? new X509SecurityKey(signingCertificate)
            : PersistedRsaKey.LoadOrCreate(Path.Combine(keyDirectory, SigningKeyFile));
        options.SigningCredentials.Add(new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256));

        SecurityKey encryptionKey = CertificateFile.TryLoad(settings.EncryptionCertificate, contentRoot, "encryption") is { } encryptionCertificate
            ? new X509SecurityKey(encryptionCertificate)
            : PersistedRsaKey.LoadOrCreate(Path.Combine(keyDirectory, EncryptionKeyFile));
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            encryptionKey, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
