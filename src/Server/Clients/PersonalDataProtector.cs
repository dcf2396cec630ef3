using System.Security.Cryptography;
using System.Text;
using GonPortal.Domain.Clients;

namespace GonPortal.Server.Clients;

/// <summary>
/// Protects personal data at rest (AVG): the BSN is encrypted with AES-256-GCM (random 96-bit nonce,
/// stored as nonce | ciphertext | tag) and looked up through a keyed hash (HMAC-SHA256), so equal
/// BSNs can be found without decrypting and without a guessable plain hash. Both keys are derived
/// (HKDF-SHA256) from one 32-byte master key, see <see cref="PersonalDataKey"/>.
/// Never log, trace or put a BSN in an exception message.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] AssociatedData = "gon/v1/bsn"u8.ToArray();
    private readonly byte[] _encryptionKey;
    private readonly byte[] _lookupKey;

    public PersonalDataProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32)
        {
            throw new ArgumentException("The personal-data key must be 32 bytes.", nameof(masterKey));
        }
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "gon bsn encryption"u8.ToArray());
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "gon bsn lookup"u8.ToArray());
    }

    public ProtectedBsn Protect(string bsn) => new(Encrypt(bsn), LookupHash(bsn));

    /// <summary>The keyed hash used for look-ups (unique per area).</summary>
    public byte[] LookupHash(string bsn) => HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(bsn));

    public string Unprotect(byte[] stored)
    {
        if (stored.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The stored personal data is damaged.");
        }
        var nonce = stored.AsSpan(0, NonceSize);
        var cipher = stored.AsSpan(NonceSize, stored.Length - NonceSize - TagSize);
        var tag = stored.AsSpan(stored.Length - TagSize);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(nonce, cipher, tag, plain, AssociatedData);
        return Encoding.UTF8.GetString(plain);
    }

    private byte[] Encrypt(string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var stored = new byte[NonceSize + plain.Length + TagSize];
        var nonce = stored.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, stored.AsSpan(NonceSize, plain.Length), stored.AsSpan(NonceSize + plain.Length), AssociatedData);
        return stored;
    }
}

/// <summary>
/// Where the personal-data master key comes from: configuration "PersonalData:Key" (base64 of 32
/// bytes; in production from a secret store). When it is absent in Development or Testing, a key is
/// generated once and kept in ".data/keys/personal-data.key" under the content root, with a warning;
/// in any other environment the server refuses to start.
/// </summary>
public static class PersonalDataKey
{
    public const string ConfigurationKey = "PersonalData:Key";
    public const string RelativePath = ".data/keys/personal-data.key";

    public static byte[] Load(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(configured.Trim());
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{ConfigurationKey} must be base64 of 32 bytes.");
            }
            return key.Length == 32 ? key : throw new InvalidOperationException($"{ConfigurationKey} must be base64 of 32 bytes.");
        }
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException($"{ConfigurationKey} is not configured; it is required outside Development and Testing.");
        }
        var path = Path.Combine(environment.ContentRootPath, RelativePath);
        var key32 = ReadOrCreate(path);
        logger.LogWarning("{Setting} is not configured; using the development key in {Path}. Configure a key from a secret store in production.",
            ConfigurationKey, path);
        return key32;
    }

    private static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var ignore = Path.Combine(folder, ".gitignore");
        if (!File.Exists(ignore))
        {
            File.WriteAllText(ignore, "# Generated development keys: never commit.\n*\n");
        }
        // Write to a temporary file and move it into place, so a concurrent starter reads a whole key or none.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp); // another process won the race; use its key
        }
        return Read(path);
    }

    private static byte[] Read(string path)
    {
        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return key.Length == 32 ? key : throw new InvalidOperationException($"The key in {path} is not 32 bytes.");
    }
}
