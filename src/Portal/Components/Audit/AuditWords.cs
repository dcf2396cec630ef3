using System.Text.RegularExpressions;
using GonPortal.Portal.Resources;
using Microsoft.Extensions.Localization;

namespace GonPortal.Portal.Components.Audit;

/// <summary>
/// The audit trail in words: what was done (a decision is not "Inzien"; the Server records the access
/// kind <c>read</c>, <c>write</c> or <c>admin</c> and the RPC) and on what, without the English resource
/// text's raw ids. Texts: "Audit.Handeling.{access}", "Audit.Methode.{Rpc}", "Audit.Soort.{FirstWord}".
/// </summary>
public static partial class AuditWords
{
    /// <summary>The action: the RPC's own Dutch words when known, else the kind of access.</summary>
    public static string Action(IStringLocalizer<Texts> l, string access, string method)
    {
        var rpc = method.Split('/').Last();
        var specific = l[$"Audit.Methode.{rpc}"];
        if (!specific.ResourceNotFound)
        {
            return specific.Value;
        }
        var general = l[$"Audit.Handeling.{access}"];
        return general.ResourceNotFound ? l["Audit.Handeling.read"].Value : general.Value;
    }

    /// <summary>What it concerned: the kind of record in Dutch and the area/period numbers; ids left out.</summary>
    public static string Resource(IStringLocalizer<Texts> l, string resource)
    {
        var withoutIds = Guid().Replace(resource, "");
        var first = Word().Match(withoutIds).Value;
        var kind = l[$"Audit.Soort.{first}"];
        var label = kind.ResourceNotFound ? l["Audit.Soort.Onbekend"].Value : kind.Value;
        var numbers = Numbers().Matches(withoutIds).Select(m => m.Value).ToList();
        return numbers.Count == 0 ? label : $"{label} ({string.Join(", ", numbers)})";
    }

    /// <summary>Who: the person's name; a system (machine client) by its client name; never a raw id.</summary>
    public static string Actor(IStringLocalizer<Texts> l, string name, string subject) =>
        name.Length > 0 ? name
        : subject.Length > 0 && !Guid().IsMatch(subject) ? string.Format(l["Audit.Koppeling"].Value, subject)
        : l["Audit.OnbekendePersoon"].Value;

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"^[A-Za-z-]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b\d{1,4}(-\d{1,2}){0,2}\b")]
    private static partial Regex Numbers();
}
