using System.Text;
using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using OrganisationKind = GonPortal.Contracts.V1.OrganisationKind;

namespace GonPortal.Server.Tests.Conversion;

/// <summary>
/// ConversionService.ImportConversion end to end (conversion.proto): per-line report, all-or-nothing per
/// client, idempotent re-send, the executor's subcontract, and who sees the converted arrangements.
/// The server's clock is 2028-01-15, so arrangements starting 1 January 2028 are running.
/// </summary>
public abstract class ConversionFlowTests(GonHosts hosts)
{
    private const string Header = "bronkenmerk;bsn;voorletters;tussenvoegsel;achternaam;geboortedatum;postcode;gebied;product;eenheid;soort;omvang;frequentie;startdatum;einddatum;beschikkingnummer;beschikkingsdatum;beschikking_vanaf;beschikking_tot;uitvoerder_kvk";
    private readonly Scenario _s = new(hosts);

    private static string Ref() => $"OUD-{Guid.NewGuid():N}"[..20];

    /// <summary>A basis line for begeleiding, 1,5 hours a week, from 1 January 2028, executed by the hoofdaanbieder.</summary>
    private static string Line(string reference, string bsn, string area = "1", string product = "begeleiding", string soort = "basis",
        string beschikking = ";;;", string kvk = "", string surname = "Jansen") =>
        $"{reference};{bsn};J.;van;{surname};12-03-1950;9711 AB;{area};{product};uur;{soort};1,5;week;01-01-2028;;{beschikking};{kvk}";

    private static ImportConversionRequest File(params string[] lines) =>
        new() { Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. lines]) + "\r\n")) };

    private async Task<ConversionService.ConversionServiceClient> Conversion(string caller) => new(await hosts.InvokerFor(caller));

    private async Task<List<Client>> ClientsWithBsn(string caller, string bsn) =>
        (await new ClientService.ClientServiceClient(await hosts.InvokerFor(caller)).ListClientsAsync(new ListClientsRequest { Bsn = bsn })).Clients.ToList();

    private async Task<List<SupportArrangement>> ArrangementsOf(string caller, string clientId) =>
        (await new SupportArrangementService.SupportArrangementServiceClient(await hosts.InvokerFor(caller))
            .ListArrangementsAsync(new ListArrangementsRequest { ClientId = clientId })).Arrangements.ToList();

    /// <summary>A new onderaannemer in the register, with a subcontract of Stadse for area 1 (begeleiding per hour), consented or only proposed.</summary>
    private async Task<Provider> OnderaannemerOfStadse(bool consented)
    {
        var provider = (await (await _s.Providers(Callers.Gemeente)).CreateProviderAsync(Scenario.NewProvider(OrganisationKind.Onderaannemer))).Provider;
        var proposal = Scenario.Proposal(Callers.HaStadse);
        proposal.OnderaannemerId = provider.Id;
        var subcontract = (await (await _s.Subcontracts(Callers.HaStadse)).CreateSubcontractAsync(proposal)).Subcontract;
        if (consented)
        {
            await (await _s.Subcontracts(Callers.Gemeente)).ConsentSubcontractAsync(new ConsentSubcontractRequest { SubcontractId = subcontract.Id });
        }
        return provider;
    }

    [Fact]
    public async Task Bad_lines_keep_their_client_out_whole_and_the_report_names_each_line()
    {
        hosts.RequireAvailable();
        var consented = await OnderaannemerOfStadse(consented: true);
        var proposedOnly = await OnderaannemerOfStadse(consented: false);
        var (good, mixed, aanvullend, noConsent) = (AccessProcessScenario.NewBsn(), AccessProcessScenario.NewBsn(), AccessProcessScenario.NewBsn(), AccessProcessScenario.NewBsn());
        var refs = Enumerable.Range(0, 8).Select(_ => Ref()).ToArray();
        var request = File(
            Line(refs[0], good),                                          // line 2: converted
            Line(refs[1], good, kvk: consented.KvkNumber),                // line 3: converted, executed by the onderaannemer
            Line(refs[2], mixed),                                         // line 4: fine, but its client has a bad line
            Line(refs[3], mixed, product: "zwemles"),                     // line 5: unknown product
            Line(refs[4], "123456789"),                                   // line 6: fails the elfproef
            Line(refs[5], aanvullend, soort: "aanvullend"),               // line 7: aanvullend without beschikking
            Line(refs[6], noConsent, kvk: proposedOnly.KvkNumber),        // line 8: subcontract not consented
            Line(refs[0], AccessProcessScenario.NewBsn()));               // line 9: source reference used on line 2

        var report = await (await Conversion(Callers.Gemeente)).ImportConversionAsync(request);

        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9], report.Lines.Select(l => l.Line));
        Assert.Equal((2, 0, 6), (report.ConvertedCount, report.AlreadyConvertedCount, report.RefusedCount));
        Assert.Equal(1, report.ClientsCreatedCount);
        Assert.All(report.Lines.Take(2), l => Assert.Equal(ConversionOutcome.Converted, l.Outcome));
        AssertRefused(report.Lines[2], ConversionRefusal.OtherLineOfClient, "");
        AssertRefused(report.Lines[3], ConversionRefusal.InvalidValue, "product");
        AssertRefused(report.Lines[4], ConversionRefusal.InvalidBsn, "bsn");
        AssertRefused(report.Lines[5], ConversionRefusal.BeschikkingRequired, "beschikkingnummer");
        AssertRefused(report.Lines[6], ConversionRefusal.NoConsentedSubcontract, "uitvoerder_kvk");
        AssertRefused(report.Lines[7], ConversionRefusal.DuplicateSourceReference, "bronkenmerk");
        Assert.Equal(refs[3], report.Lines[3].SourceReference);

        // Nothing of a refused client was stored: not the client, not its good line.
        Assert.Empty(await ClientsWithBsn(Callers.HaStadse, mixed));
        Assert.Empty(await ClientsWithBsn(Callers.HaStadse, aanvullend));
        Assert.Empty(await ClientsWithBsn(Callers.HaStadse, noConsent));

        // The converted client is the holder's, with two ACTIVE arrangements marked as converted.
        var client = Assert.Single(await ClientsWithBsn(Callers.HaStadse, good));
        var arrangements = await ArrangementsOf(Callers.HaStadse, client.Id);
        Assert.Equal(2, arrangements.Count);
        Assert.All(arrangements, a =>
        {
            Assert.Equal(ArrangementState.Active, a.State);
            Assert.Equal(EntryChannel.Conversion, a.EntryChannel);
            Assert.Equal(90, a.Versions[0].Terms.Volume);
        });
        Assert.Contains(arrangements, a => a.Versions[0].Terms.ExecutorProviderId == consented.Id && a.Versions[0].Terms.ExecutorKind == ExecutorKind.Onderaannemer);
        var history = await new SupportArrangementService.SupportArrangementServiceClient(await hosts.InvokerFor(Callers.HaStadse))
            .ListArrangementTransitionsAsync(new ListArrangementTransitionsRequest { ArrangementId = arrangements[0].Id });
        var convert = Assert.Single(history.Transitions);
        Assert.Equal(ArrangementAction.Convert, convert.Action);
        Assert.Equal(ArrangementState.Active, convert.ToState);
        Assert.Contains(convert.Reason, new[] { refs[0], refs[1] });

        // Another hoofdaanbieder sees nothing of it.
        Assert.Empty(await ClientsWithBsn(Callers.HaOost, good));
        await RpcAssert.Fails(StatusCode.NotFound, async () =>
            await new SupportArrangementService.SupportArrangementServiceClient(await hosts.InvokerFor(Callers.HaOost))
                .GetArrangementAsync(new GetArrangementRequest { ArrangementId = arrangements[0].Id }));

        // Sent again: the converted lines report "already converted" and nothing new is stored. The source
        // reference is the key, so line 9, which reuses the reference of line 2, now reports it too.
        var again = await (await Conversion(Callers.Gemeente)).ImportConversionAsync(request);
        Assert.Equal((0, 3, 5), (again.ConvertedCount, again.AlreadyConvertedCount, again.RefusedCount));
        Assert.Equal(0, again.ClientsCreatedCount);
        Assert.Equal([ConversionOutcome.AlreadyConverted, ConversionOutcome.AlreadyConverted], again.Lines.Take(2).Select(l => l.Outcome));
        Assert.Equal(ConversionOutcome.AlreadyConverted, again.Lines[7].Outcome);
        AssertRefused(again.Lines[3], ConversionRefusal.InvalidValue, "product");
        Assert.Equal(2, (await ArrangementsOf(Callers.HaStadse, client.Id)).Count);
        Assert.Single(await ClientsWithBsn(Callers.HaStadse, good));
        Assert.Empty(await ClientsWithBsn(Callers.HaStadse, mixed));
    }

    [Fact]
    public async Task A_fixed_file_converts_the_client_that_was_refused_and_lands_with_the_holder_of_its_area()
    {
        hosts.RequireAvailable();
        var bsn = AccessProcessScenario.NewBsn();
        var (first, second) = (Ref(), Ref());
        var conversion = await Conversion(Callers.Gemeente);
        var bad = await conversion.ImportConversionAsync(File(Line(first, bsn, area: "3"), Line(second, bsn, area: "3", soort: "aanvullend")));
        Assert.Equal(2, bad.RefusedCount);
        Assert.Empty(await ClientsWithBsn(Callers.HaOost, bsn));

        var beschikking = "BS-2027-88;01-12-2027;01-01-2028;";
        var fixedFile = await conversion.ImportConversionAsync(File(Line(first, bsn, area: "Oost en Ten Boer"), Line(second, bsn, area: "3", soort: "aanvullend", beschikking: beschikking)));
        Assert.Equal(2, fixedFile.ConvertedCount);
        var client = Assert.Single(await ClientsWithBsn(Callers.HaOost, bsn));
        Assert.Equal(3, client.AreaId);
        var aanvullend = Assert.Single(await ArrangementsOf(Callers.HaOost, client.Id), a => a.SupportType == SupportType.Aanvullend);
        Assert.Equal("BS-2027-88", Assert.Single(aanvullend.Beschikkingen).BeschikkingNumber);
        Assert.Empty(await ClientsWithBsn(Callers.HaStadse, bsn));
    }

    [Fact]
    public async Task A_comma_separated_file_is_read_too()
    {
        hosts.RequireAvailable();
        var bsn = AccessProcessScenario.NewBsn();
        var csv = "bronkenmerk,bsn,voorletters,achternaam,geboortedatum,postcode,gebied,product,eenheid,soort,omvang,frequentie,startdatum\n" +
            $"{Ref()},{bsn},A.,Bakker,1960-05-01,9712CD,1,dagbesteding,dagdeel,basis,2,week,2028-01-01\n";
        var report = await (await Conversion(Callers.Gemeente)).ImportConversionAsync(new ImportConversionRequest { Csv = ByteString.CopyFromUtf8(csv) });
        Assert.Equal(ConversionOutcome.Converted, Assert.Single(report.Lines).Outcome);
    }

    [Fact]
    public async Task A_file_without_its_required_columns_is_invalid_and_stores_nothing()
    {
        hosts.RequireAvailable();
        var conversion = await Conversion(Callers.Gemeente);
        await RpcAssert.InvalidFields(async () => await conversion.ImportConversionAsync(
            new ImportConversionRequest { Csv = ByteString.CopyFromUtf8("bronkenmerk;bsn\nA-1;123456782\n") }), "csv");
        await RpcAssert.InvalidFields(async () => await conversion.ImportConversionAsync(new ImportConversionRequest()), "csv");
    }

    [Theory]
    [InlineData(Callers.HaStadse)]
    [InlineData(Callers.OaDeLinde)]
    [InlineData(Callers.Wij)]
    public async Task Only_the_gemeente_may_convert(string caller)
    {
        hosts.RequireAvailable();
        var bsn = AccessProcessScenario.NewBsn();
        var conversion = await Conversion(caller);
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await conversion.ImportConversionAsync(File(Line(Ref(), bsn))));
        Assert.Empty(await ClientsWithBsn(Callers.HaStadse, bsn));
    }

    private static void AssertRefused(ConversionLineReport line, ConversionRefusal refusal, string column)
    {
        Assert.Equal(ConversionOutcome.Refused, line.Outcome);
        Assert.Equal(refusal, line.Refusal);
        Assert.Equal(column, line.Column);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteConversionFlowTests(SqliteHosts hosts) : ConversionFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresConversionFlowTests(PostgresHosts hosts) : ConversionFlowTests(hosts);
