using System.Text;
using GonPortal.Portal.Formatting;
using GonPortal.Portal.Resources;
using GonPortal.Portal.ServerApi;
using Microsoft.Extensions.Localization;

namespace GonPortal.Portal.Components.Audit;

/// <summary>
/// A client's access report as a file for the inzageverzoek: CSV separated by ';' (what Dutch spreadsheet
/// programs expect), UTF-8 with a byte order mark so accents open correctly, the same words as on the page.
/// </summary>
public static class ClientAccessCsv
{
    public static string Build(IStringLocalizer<Texts> l, IEnumerable<ClientAccessView> rows)
    {
        var csv = new StringBuilder("\uFEFF");
        Line(csv, [l["Moment"], l["Wie"], l["Audit.Organisatie"], l["Audit.Rol"], l["Handeling"], l["Gegevens"], l["Doel"]]);
        foreach (var r in rows)
        {
            Line(csv, [DutchFormat.DateTime(r.OccurredAt), AuditWords.Actor(l, r.ActorName, r.ActorSubject), r.Organisation, l.Of(r.ActorRole),
                AuditWords.Action(l, r.Access, r.Method), AuditWords.Resource(l, r.Resource), string.IsNullOrEmpty(r.Purpose) ? "" : r.Purpose]);
        }
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(';', fields.Select(Quote))).Append("\r\n");

    /// <summary>Quotes a field holding the separator, a quote or a line break; a leading =, +, - or @ is defused so no spreadsheet runs it.</summary>
    private static string Quote(string field)
    {
        var safe = field.Length > 0 && field[0] is '=' or '+' or '-' or '@' ? "'" + field : field;
        return safe.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
