using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GonPortal.Domain.Reporting;

namespace GonPortal.Server.Settlements;

/// <summary>
/// The canonical JSON of a <see cref="SettlementExplanation"/>. Deterministic, so an unchanged rerun
/// hashes equal: properties in declaration order, no indentation, numbers and dates in System.Text.Json's
/// invariant forms, enums by name, rationals as exact "n/d" text. Computed properties (read-only) are
/// left out: they follow from the stored figures.
/// </summary>
internal static class ExplanationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        IgnoreReadOnlyProperties = true,
        Converters = { new RationalConverter(), new JsonStringEnumConverter() },
    };

    public static string Serialize(SettlementExplanation explanation) =>
        JsonSerializer.Serialize(explanation, explanation.GetType(), Options);

    public static T Deserialize<T>(string document) where T : SettlementExplanation =>
        JsonSerializer.Deserialize<T>(document, Options) ?? throw new JsonException($"An empty {typeof(T).Name} document.");

    /// <summary>SHA-256 (hex) of the document's UTF-8 bytes.</summary>
    public static string Hash(string document) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    private sealed class RationalConverter : JsonConverter<Rational>
    {
        public override Rational Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            RationalText.Parse(reader.GetString() ?? throw new JsonException("A rational is \"n/d\" text."));

        public override void Write(Utf8JsonWriter writer, Rational value, JsonSerializerOptions options) =>
            writer.WriteStringValue(RationalText.Format(value));
    }
}
