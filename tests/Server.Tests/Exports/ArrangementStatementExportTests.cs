using System.Globalization;
using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.Server.Tests.Settlements;
using static GonPortal.Server.Tests.Exports.ExportHttp;

namespace GonPortal.Server.Tests.Exports;

/// <summary>
/// The arrangements and subcontractor statements exports for systems: each file opened with CsvHelper or ClosedXML and
/// its cells compared with what ListArrangements / ListSubcontractorStatements answer the same caller; tenancy, roles,
/// the audit of the client rows and the problem details of a bad filter.
/// </summary>
public abstract class ArrangementStatementExportTests(GonHosts hosts)
{
    private static readonly CultureInfo NlCulture = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private readonly Scenario _s = new(hosts);

    private static DateTime Local(Google.Protobuf.WellKnownTypes.Timestamp t) => TimeZoneInfo.ConvertTime(t.ToDateTimeOffset(), Amsterdam).DateTime;

    private static string Euros(long cents) => (cents / 100m).ToString("0.00", NlCulture);

    [Fact]
    public async Task The_arrangements_export_holds_what_the_list_shows()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(3, Callers.OaNoorderlicht);
        var filter = $"client_id={arrangement.ClientId}";
        var listed = (await (await _s.Arrangements(Callers.HaOost)).ListArrangementsAsync(new() { ClientId = arrangement.ClientId, PageSize = 500 }))
            .Arrangements.ToList();
        Assert.Single(listed);

        var csv = await CsvAsync(await GetAsync(hosts, Callers.HaOost, $"/api/v1/exports/arrangements?{filter}"));
        Assert.Equal(listed.Select(a => a.Id), csv.Select(r => r["Arrangement-id"]));
        foreach (var (a, row) in listed.Zip(csv))
        {
            var latest = a.Versions.OrderBy(v => v.Version).Last();
            Assert.Equal(a.ClientId, row["Cliënt-id"]);
            Assert.Equal(a.HoofdaanbiederName, row["Hoofdaanbieder"]);
            Assert.Equal(a.AreaId.ToString(CultureInfo.InvariantCulture), row["Gebied"]);
            Assert.Equal("Lopend", row["Status"]);
            Assert.Equal("Basis", row["Soort ondersteuning"]);
            Assert.Equal("Begeleiding", row["Product"]);
            Assert.Equal(Dutch(a.StartDate), row["Startdatum"]);
            Assert.Equal(latest.Terms.ExecutorProviderName, row["Uitvoerder"]);
            Assert.Equal(latest.Terms.SubcontractId, row["Onderaanneming-id"]);
            Assert.Equal(latest.Terms.Volume.ToString(CultureInfo.InvariantCulture), row["Volume"]);
            Assert.Equal(Local(a.CreatedAt).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture), row["Aangemaakt op"]);
            Assert.Equal(a.DecisionNote, row["Toelichting besluit"]);
        }

        var (headers, rows, workbook) = await XlsxAsync(await GetAsync(hosts, Callers.OaNoorderlicht, $"/api/v1/exports/arrangements?format=xlsx&{filter}"));
        using (workbook)
        {
            var executing = (await (await _s.Arrangements(Callers.OaNoorderlicht)).ListArrangementsAsync(new() { ClientId = arrangement.ClientId, PageSize = 500 }))
                .Arrangements.ToList();
            Assert.Equal(executing.Select(a => a.Id), rows.Select(r => Cell(headers, r, "Arrangement-id").GetString()));
            Assert.DoesNotContain("Toelichting besluit", headers); // an executing onderaannemer does not get the decision note
            var a = executing.Single();
            var row = rows.Single();
            Assert.Equal(new DateTime(a.StartDate.Year, a.StartDate.Month, a.StartDate.Day), Cell(headers, row, "Startdatum").GetDateTime());
            Assert.Equal(a.AreaId, Cell(headers, row, "Gebied").GetValue<int>());
            Assert.Equal(Local(a.CreatedAt), Cell(headers, row, "Aangemaakt op").GetDateTime(), TimeSpan.FromSeconds(1));
            Assert.Equal(Local(a.UpdatedAt), Cell(headers, row, "Bijgewerkt op").GetDateTime(), TimeSpan.FromSeconds(1));
            Assert.Equal(Local(a.DecidedAt), Cell(headers, row, "Besloten op").GetDateTime(), TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task Arrangements_of_another_provider_are_not_exported_and_an_unknown_client_gives_none()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var filter = $"client_id={arrangement.ClientId}";
        Assert.Single(await CsvAsync(await GetAsync(hosts, Callers.HaStadse, $"/api/v1/exports/arrangements?{filter}")));
        Assert.Single(await CsvAsync(await GetAsync(hosts, Callers.OaDeLinde, $"/api/v1/exports/arrangements?{filter}")));
        Assert.Empty(await CsvAsync(await GetAsync(hosts, Callers.HaOost, $"/api/v1/exports/arrangements?{filter}")));
        Assert.Empty(await CsvAsync(await GetAsync(hosts, Callers.OaAtelier, $"/api/v1/exports/arrangements?{filter}")));
        // the list answers an unknown client with no rows, and so does the export
        Assert.Empty((await (await _s.Arrangements(Callers.HaStadse)).ListArrangementsAsync(new() { ClientId = Guid.NewGuid().ToString() })).Arrangements);
        Assert.Empty(await CsvAsync(await GetAsync(hosts, Callers.HaStadse, $"/api/v1/exports/arrangements?client_id={Guid.NewGuid()}")));

        var (status, reason, fields) = await ProblemAsync(await GetAsync(hosts, Callers.HaStadse,
            "/api/v1/exports/arrangements?client_id=nope&state=GONE&order_by=colour"));
        Assert.Equal((400, "FIELD_VIOLATIONS"), (status, reason));
        Assert.Equal(["client_id", "order_by", "state"], fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_gemeentes_arrangements_export_audits_every_client_it_sends()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(4, Callers.OaAtelier);
        var purpose = $"Controle {Guid.NewGuid():N}";
        var rows = await CsvAsync(await GetAsync(hosts, Callers.Gemeente, $"/api/v1/exports/arrangements?client_id={arrangement.ClientId}", purpose));
        Assert.Equal(arrangement.Id, Assert.Single(rows)["Arrangement-id"]);

        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var entries = (await audit.ListAuditEntriesAsync(new() { PageSize = 200 })).Entries
            .Where(e => e.Method == "GET /api/v1/exports/arrangements" && e.Purpose == purpose).ToList();
        Assert.Contains(entries, e => e.ClientId == arrangement.ClientId && e.Access == "read");
        Assert.Contains(entries, e => e.Resource == "Arrangement list" && e.ClientId == "");
    }

    /// <summary>A fresh subcontract of Stadse with De Linde, hours approved in <paramref name="month"/> 2027, and the month's statements run.</summary>
    private async Task<Subcontract> StatementFor(int month)
    {
        var (arrangement, subcontract) = await _s.ActiveExecutedBy(1);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        var created = (await delinde.BatchCreateHourEntriesAsync(new()
        {
            Entries = { HourScenario.Entry(arrangement, month, 3, 90), HourScenario.Entry(arrangement, month, 4, 45) },
        })).HourEntries;
        await (await _s.Hours(Callers.HaStadse)).ApproveHourEntriesAsync(new() { HourEntryIds = { created.Select(e => e.Id) } });
        await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, month);
        return subcontract;
    }

    [Fact]
    public async Task The_statements_export_has_a_row_per_line_with_the_statements_identity_and_figures()
    {
        hosts.RequireAvailable();
        var subcontract = await StatementFor(9);
        var filter = $"year=2027&month=9&subcontract_id={subcontract.Id}";
        var listed = (await (await _s.Settlements(Callers.OaDeLinde)).ListSubcontractorStatementsAsync(new()
        {
            Year = 2027, Month = 9, SubcontractId = subcontract.Id, PageSize = 500,
        })).SubcontractorStatements.ToList();
        var statement = Assert.Single(listed);
        var line = Assert.Single(statement.Lines);
        Assert.Equal(135, line.Quantity);

        var csv = await CsvAsync(await GetAsync(hosts, Callers.OaDeLinde, $"/api/v1/exports/statements?{filter}"));
        var row = Assert.Single(csv);
        Assert.Equal(statement.Id, row["Overzicht-id"]);
        Assert.Equal(statement.SubcontractId, row["Onderaanneming-id"]);
        Assert.Equal(statement.HoofdaanbiederName, row["Hoofdaanbieder (betaler)"]);
        Assert.Equal(statement.OnderaannemerName, row["Onderaannemer"]);
        Assert.Equal(("2027", "9"), (row["Jaar"], row["Maand"]));
        Assert.Equal(statement.Revision.ToString(CultureInfo.InvariantCulture), row["Revisie"]);
        Assert.Equal(statement.RulesVersion, row["Regelsversie"]);
        Assert.Equal(Local(statement.ComputedAt).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture), row["Berekend op"]);
        Assert.Equal(Euros(statement.TotalCents), row["Totaal overzicht"]);
        Assert.Equal(line.AreaId.ToString(CultureInfo.InvariantCulture), row["Gebied"]);
        Assert.Equal(("Begeleiding", "Uur"), (row["Product"], row["Eenheid"]));
        Assert.Equal(Euros(line.RateCents), row["Tarief"]);
        Assert.Equal("2,25", row["Uren"]);
        Assert.Equal("", row["Aantal"]);
        Assert.Equal(Euros(line.AmountCents), row["Bedrag"]);
        Assert.Equal(line.EntryCount.ToString(CultureInfo.InvariantCulture), row["Aantal uurregels"]);
        Assert.Equal("146,25", row["Bedrag"]); // 2.25 h at € 65,00

        var (headers, rows, workbook) = await XlsxAsync(await GetAsync(hosts, Callers.HaStadse, $"/api/v1/exports/statements?format=xlsx&{filter}"));
        using (workbook)
        {
            Assert.Equal("Overzichten", workbook.Worksheet(1).Name);
            var cells = Assert.Single(rows);
            Assert.Equal(statement.Id, Cell(headers, cells, "Overzicht-id").GetString());
            Assert.Equal(line.RateCents / 100.0, Cell(headers, cells, "Tarief").GetDouble(), 6);
            Assert.Equal(line.AmountCents / 100.0, Cell(headers, cells, "Bedrag").GetDouble(), 6);
            Assert.Equal(statement.TotalCents / 100.0, Cell(headers, cells, "Totaal overzicht").GetDouble(), 6);
            Assert.Equal(line.Quantity / 60.0, Cell(headers, cells, "Uren").GetDouble(), 6);
            Assert.Equal(statement.Revision, Cell(headers, cells, "Revisie").GetValue<int>());
            Assert.Equal(9, Cell(headers, cells, "Maand").GetValue<int>());
            Assert.Equal(Local(statement.ComputedAt), Cell(headers, cells, "Berekend op").GetDateTime(), TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task Statements_of_others_are_not_exported_and_wij_may_not_export_them()
    {
        hosts.RequireAvailable();
        var subcontract = await StatementFor(10);
        var filter = $"year=2027&month=10&subcontract_id={subcontract.Id}";
        Assert.Single(await CsvAsync(await GetAsync(hosts, Callers.HaStadse, $"/api/v1/exports/statements?{filter}")));
        Assert.Empty(await CsvAsync(await GetAsync(hosts, Callers.HaOost, $"/api/v1/exports/statements?{filter}")));
        Assert.Empty(await CsvAsync(await GetAsync(hosts, Callers.OaAtelier, $"/api/v1/exports/statements?{filter}")));
        var all = await CsvAsync(await GetAsync(hosts, Callers.OaAtelier, "/api/v1/exports/statements?year=2027"));
        Assert.All(all, r => Assert.NotEqual(subcontract.Id, r["Onderaanneming-id"]));
        Assert.Single(await CsvAsync(await GetAsync(hosts, Callers.Gemeente, $"/api/v1/exports/statements?{filter}", purpose: "Controle overzichten")));
        Assert.Empty(await CsvAsync(await GetAsync(hosts, Callers.HaStadse, $"/api/v1/exports/statements?year=2027&month=10&subcontract_id={Guid.NewGuid()}")));

        var (status, reason, _) = await ProblemAsync(await GetAsync(hosts, Callers.Wij, $"/api/v1/exports/statements?{filter}"));
        Assert.Equal((403, "ROLE_NOT_ALLOWED"), (status, reason));
        (status, reason, var fields) = await ProblemAsync(await GetAsync(hosts, Callers.HaStadse, "/api/v1/exports/statements?year=1999&month=13&page_token=x"));
        Assert.Equal((400, "FIELD_VIOLATIONS"), (status, reason));
        Assert.Equal(["month", "page_token", "year"], fields.Order(StringComparer.Ordinal));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteArrangementStatementExportTests(SqliteHosts hosts) : ArrangementStatementExportTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresArrangementStatementExportTests(PostgresHosts hosts) : ArrangementStatementExportTests(hosts);
