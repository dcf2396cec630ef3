using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace GonPortal.Identity.Onboarding;

/// <summary>
/// The life of a machine client beyond what OpenIddict models: when it was registered, its last secret
/// rotation, the previous secret's hash and how long it stays valid, and its revocation. Kept in the
/// application's Properties JSON next to <see cref="Tokens.MachineClientTenant"/>, so there is no table of
/// our own. The previous secret is stored exactly as OpenIddict stores the current one: hashed.
/// </summary>
public sealed record MachineClientState(
    DateTimeOffset? CreatedAt,
    DateTimeOffset? SecretRotatedAt,
    string? PreviousSecretHash,
    DateTimeOffset? PreviousSecretValidUntil,
    DateTimeOffset? RevokedAt,
    Guid? RegistrationId = null)
{
    private const string CreatedAtProperty = "gon_created_at";
    private const string SecretRotatedAtProperty = "gon_secret_rotated_at";
    private const string PreviousSecretHashProperty = "gon_previous_secret_hash";
    private const string PreviousSecretValidUntilProperty = "gon_previous_secret_valid_until";
    private const string RevokedAtProperty = "gon_revoked_at";
    private const string RegistrationIdProperty = "gon_registration_id";

    /// <param name="registrationId">The id the Server chose for the registration (from its request_id), so a retried
    /// registration finds this client instead of making a second one; null for clients registered without one (the demo).</param>
    public static MachineClientState New(DateTimeOffset createdAt, Guid? registrationId = null) => new(createdAt, null, null, null, null, registrationId);

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The previous secret's hash while its grace lasts; null once it has passed.</summary>
    public string? PreviousSecretHashValidAt(DateTimeOffset now) =>
        PreviousSecretValidUntil is { } until && now < until ? PreviousSecretHash : null;

    public static MachineClientState ReadFrom(ImmutableDictionary<string, JsonElement> properties) => new(
        ReadTime(properties, CreatedAtProperty),
        ReadTime(properties, SecretRotatedAtProperty),
        ReadString(properties, PreviousSecretHashProperty),
        ReadTime(properties, PreviousSecretValidUntilProperty),
        ReadTime(properties, RevokedAtProperty),
        Guid.TryParse(ReadString(properties, RegistrationIdProperty), out var registrationId) ? registrationId : null);

    /// <summary>The given properties with this state written over them; other properties (the tenant) stay.</summary>
    public ImmutableDictionary<string, JsonElement> WriteTo(ImmutableDictionary<string, JsonElement> properties) => properties
        .Write(CreatedAtProperty, Format(CreatedAt))
        .Write(SecretRotatedAtProperty, Format(SecretRotatedAt))
        .Write(PreviousSecretHashProperty, PreviousSecretHash)
        .Write(PreviousSecretValidUntilProperty, Format(PreviousSecretValidUntil))
        .Write(RevokedAtProperty, Format(RevokedAt))
        .Write(RegistrationIdProperty, RegistrationId?.ToString());

    public void WriteTo(Dictionary<string, JsonElement> properties)
    {
        foreach (var (key, value) in WriteTo(ImmutableDictionary<string, JsonElement>.Empty))
        {
            properties[key] = value;
        }
    }

    private static string? Format(DateTimeOffset? time) => time?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string? ReadString(ImmutableDictionary<string, JsonElement> properties, string key) =>
        properties.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? ReadTime(ImmutableDictionary<string, JsonElement> properties, string key) =>
        DateTimeOffset.TryParse(ReadString(properties, key), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}

internal static class PropertyWriting
{
    /// <summary>Sets the property, or removes it when the value is null, so absent and empty mean the same.</summary>
    public static ImmutableDictionary<string, JsonElement> Write(this ImmutableDictionary<string, JsonElement> properties, string key, string? value) =>
        value is null ? properties.Remove(key) : properties.SetItem(key, JsonSerializer.SerializeToElement(value));
}
