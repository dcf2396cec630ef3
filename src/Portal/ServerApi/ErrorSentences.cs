using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using GonPortal.Contracts.V1;
using GonPortal.Portal.Resources;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace GonPortal.Portal.ServerApi;

/// <summary>
/// Turns the Server's machine-readable reasons (google.rpc.ErrorInfo, see src/Server/ErrorModel/README.md)
/// and field violation classes into Dutch sentences from Texts.resx ("Fout.Reden.{REASON}",
/// "Veld.{field}", "Veld.Reden.{CLASS}"), filling in the reason's metadata in Dutch words. The
/// Server's English message is never used. A count of one picks the "….Een" variant of a text.
/// </summary>
public static partial class ErrorSentences
{
    private static readonly ResourceManager Texts = new(typeof(Texts));
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly string[] CountKeys = ["count", "rejected_count", "missing_count"];

    /// <summary>The Dutch sentence for a failed call; the status code's general sentence when the reason is unknown.</summary>
    public static string Message(StatusCode status, string? reason, IReadOnlyDictionary<string, string> metadata)
    {
        if (reason is not null)
        {
            var text = Counted($"Fout.Reden.{reason}", metadata)
                ?? (reason.EndsWith("_NOT_FOUND", StringComparison.Ordinal) ? Text("Fout.Reden.NOT_FOUND") : null);
            if (text is not null)
            {
                return Fill(text, metadata);
            }
        }
        return GonServerClient.MessageFor(status);
    }

    /// <summary>The Dutch sentence for one field: the field's own sentence, else its violation class, else a general one.</summary>
    public static string Field(string field, string? reason, IReadOnlyDictionary<string, string> metadata)
    {
        var own = Text($"Veld.{ItemIndex().Replace(field, "[]")}");
        if (own is not null)
        {
            return own;
        }
        var values = metadata
            .Where(m => m.Key.StartsWith(field + ".", StringComparison.Ordinal))
            .ToDictionary(m => m.Key[(field.Length + 1)..], m => m.Value);
        var byClass = string.IsNullOrEmpty(reason) ? null : Text($"Veld.Reden.{reason}");
        return byClass is null ? Text("Veld.Onbekend") ?? "Deze waarde is niet goed." : Fill(byClass, values);
    }

    private static string? Text(string key) => Texts.GetString(key, Dutch);

    private static string? Counted(string key, IReadOnlyDictionary<string, string> metadata)
    {
        var count = CountKeys.Select(k => metadata.TryGetValue(k, out var v) ? v : null).FirstOrDefault(v => v is not null);
        return (count == "1" ? Text(key + ".Een") : null) ?? Text(key);
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> metadata) =>
        Placeholder().Replace(text, m => metadata.TryGetValue(m.Groups[1].Value, out var value) ? Word(m.Groups[1].Value, value) : m.Value);

    /// <summary>A metadata value in Dutch: states and inputs by their label, dates written out.</summary>
    private static string Word(string key, string value) => key switch
    {
        "state" or "required" or "status" => StateLabel(value),
        "allowed" => string.Join(" of ", value.Split(',').Select(StateLabel)),
        "input" => Text($"Fout.Invoer.{value}") ?? Text("Fout.Invoer.Onbekend") ?? value,
        "last_day" or "date" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) =>
            d.ToString("d MMMM yyyy", Dutch),
        "month" when int.TryParse(value, out var m) && m is >= 1 and <= 12 => Dutch.DateTimeFormat.GetMonthName(m),
        "months" => string.Join(", ", value.Split(',').Select(v => int.TryParse(v, out var mm) && mm is >= 1 and <= 12 ? Dutch.DateTimeFormat.GetMonthName(mm) : v)),
        _ => value,
    };

    private static readonly Type[] StateEnums = [typeof(ArrangementState), typeof(ReferralState), typeof(SubcontractState), typeof(HourEntryStatus)];

    /// <summary>A state as the Server names it (proto name, or the bare value such as <c>CONSENTED</c>) in Dutch.</summary>
    public static string StateLabel(string value)
    {
        foreach (var type in StateEnums)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var original = field.GetCustomAttribute<OriginalNameAttribute>()?.Name;
                if (original is null || !(original == value || original.EndsWith("_" + value, StringComparison.Ordinal) && original.Contains("STATE_" + value, StringComparison.Ordinal)
                    || original.EndsWith("STATUS_" + value, StringComparison.Ordinal)))
                {
                    continue;
                }
                if (type == typeof(SubcontractState))
                {
                    return DutchLabels.Of((SubcontractState)field.GetValue(null)!);
                }
                var label = Text($"{type.Name}.{field.Name}");
                if (label is not null)
                {
                    return label;
                }
            }
        }
        return Text("Fout.OnbekendeStatus") ?? "een andere status";
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ItemIndex();

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
