using System.Runtime.CompilerServices;
using GonPortal.Domain.Validation;
using GonPortal.Exports;
using GonPortal.Server.Audit;
using GonPortal.Server.Clients;
using DomainClient = GonPortal.Domain.Clients.Client;

namespace GonPortal.Server.Exports;

/// <summary>
/// Cliënten as ListClients shows them to the caller: the same filters and order, the BSN only for a role that gets
/// it (never an onderaannemer: the column is left out), and one audit entry per client as each chunk is sent, as the
/// list writes per page.
/// </summary>
internal static class ClientExport
{
    public sealed record Row(DomainClient Client, string? Bsn);

    public static async Task<IExportSource> OpenAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var (query, showBsn) = await ExportRequestMapping.ClientsAsync(http, v, ct);
        var log = http.RequestServices.GetRequiredService<ClientAccessLog>();
        var protector = http.RequestServices.GetRequiredService<PersonalDataProtector>();
        return new ExportSource<Row>(Columns(showBsn), Rows(query, log, protector, showBsn, ct));
    }

    private static IReadOnlyList<ExportColumn<Row>> Columns(bool showBsn)
    {
        List<ExportColumn<Row>> columns = [new("Cliënt-id", ExportKind.Text, r => r.Client.Id.ToString())];
        if (showBsn)
        {
            columns.Add(new("BSN", ExportKind.Text, r => r.Bsn));
        }
        columns.AddRange(
        [
            new("Naam", ExportKind.Text, r => r.Client.DisplayName),
            new("Voornamen", ExportKind.Text, r => r.Client.GivenNames),
            new("Voorletters", ExportKind.Text, r => r.Client.Initials),
            new("Tussenvoegsel", ExportKind.Text, r => r.Client.SurnamePrefix),
            new("Achternaam", ExportKind.Text, r => r.Client.Surname),
            new("Geboortedatum", ExportKind.Date, r => r.Client.DateOfBirth),
            new("Postcode", ExportKind.Text, r => r.Client.Postcode),
            new("Gebied", ExportKind.Integer, r => r.Client.AreaId),
            new("Telefoon", ExportKind.Text, r => r.Client.ContactDetails.PhoneNumber),
            new("E-mail", ExportKind.Text, r => r.Client.ContactDetails.Email),
            new("Straat", ExportKind.Text, r => r.Client.ContactDetails.Street),
            new("Huisnummer", ExportKind.Text, r => r.Client.ContactDetails.HouseNumber),
            new("Toevoeging", ExportKind.Text, r => r.Client.ContactDetails.HouseNumberAddition),
            new("Plaats", ExportKind.Text, r => r.Client.ContactDetails.City),
        ]);
        return columns;
    }

    private static async IAsyncEnumerable<Row> Rows(IQueryable<DomainClient> query, ClientAccessLog log, PersonalDataProtector protector, bool showBsn,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var chunk in ExportChunks.ReadAsync(query, ct))
        {
            // recorded before the chunk leaves, like a page of the list
            await log.ReadAsync(ClientGrpcService.ClientResource, chunk.Select(c => c.Id), ct);
            foreach (var client in chunk)
            {
                yield return new Row(client, showBsn ? protector.Unprotect(client.BsnCipher) : null);
            }
        }
    }
}
