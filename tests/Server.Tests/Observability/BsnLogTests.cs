using System.Text;
using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace GonPortal.Server.Tests.Observability;

/// <summary>Hosts whose every log line, from Debug up (more than production logs), is kept for inspection.</summary>
public sealed class DebugLoggedHosts() : GonHosts(HostContracts.DatabaseProvider.Sqlite)
{
    protected override LogLevel CapturedLogLevel => LogLevel.Debug;
}

/// <summary>
/// No log line carries a BSN (AVG): the paths that handle one — registration (valid, refused, repeated), search by
/// BSN, a role that may not search by BSN, and the conversion import with good and bad lines — are driven through the
/// real API, and everything Identity and the Server logged, down to Debug and including exceptions and structured
/// values, is searched for each BSN used.
/// </summary>
public sealed class BsnLogTests(DebugLoggedHosts hosts) : IClassFixture<DebugLoggedHosts>
{
    private const string Header = "bronkenmerk;bsn;voorletters;tussenvoegsel;achternaam;geboortedatum;postcode;gebied;product;eenheid;soort;omvang;frequentie;startdatum;einddatum;beschikkingnummer;beschikkingsdatum;beschikking_vanaf;beschikking_tot;uitvoerder_kvk";
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task No_log_line_carries_a_bsn_from_registration_search_or_conversion()
    {
        hosts.RequireAvailable();
        var ha = await _s.Clients(Callers.HaStadse);
        var used = new List<string>();

        // Registration: accepted, repeated (existing), and refused for other fields and for the BSN itself.
        var registered = AccessProcessScenario.NewClient(1);
        used.Add(registered.Bsn);
        await ha.CreateClientAsync(registered);
        await ha.CreateClientAsync(AccessProcessScenario.NewClient(1, registered.Bsn));
        var badFields = AccessProcessScenario.NewClient(1);
        badFields.Surname = "";
        badFields.Postcode = "0123AB";
        used.Add(badFields.Bsn);
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () => await ha.CreateClientAsync(badFields));
        var badBsn = AccessProcessScenario.NewClient(1, "123456788"); // nine digits, fails the elfproef
        used.Add(badBsn.Bsn);
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () => await ha.CreateClientAsync(badBsn));
        var notHeld = AccessProcessScenario.NewClient(3); // Stadse does not hold area 3
        used.Add(notHeld.Bsn);
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () => await ha.CreateClientAsync(notHeld));

        // Search: by a known BSN, an unknown one, a malformed one, and by a role that may not search by BSN.
        await ha.ListClientsAsync(new() { Bsn = registered.Bsn });
        var unknown = AccessProcessScenario.NewBsn();
        used.Add(unknown);
        await ha.ListClientsAsync(new() { Bsn = unknown });
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () => await ha.ListClientsAsync(new() { Bsn = "98765432x" }));
        used.Add("98765432x");
        var forbidden = AccessProcessScenario.NewBsn();
        used.Add(forbidden);
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await (await _s.Clients(Callers.OaDeLinde)).ListClientsAsync(new() { Bsn = forbidden }));

        // Conversion (CSV): a good line, a line whose client has a bad line, a bad BSN, and a file that cannot be read.
        var (good, mixed) = (AccessProcessScenario.NewBsn(), AccessProcessScenario.NewBsn());
        used.AddRange([good, mixed, "111222334"]);
        var conversion = new ConversionService.ConversionServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        await conversion.ImportConversionAsync(Csv(Line(good), Line(mixed), Line(mixed, product: "zwemles"), Line("111222334")));
        var broken = AccessProcessScenario.NewBsn();
        used.Add(broken);
        await ImportTolerantly(conversion, new ImportConversionRequest { Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes($"bsn;iets\r\n{broken};\"open\r\n")) });

        var logs = hosts.Logs.Entries;
        Assert.True(logs.Count > 50, $"Only {logs.Count} log entries captured: is the capture wired?");
        foreach (var bsn in used)
        {
            var leaking = logs.Where(l => l.Contains(bsn, StringComparison.Ordinal)).ToList();
            Assert.True(leaking.Count == 0, $"BSN {bsn} in the logs:\n{string.Join("\n", leaking.Take(5))}");
        }
    }

    /// <summary>A file that cannot be read may be refused as a whole; either answer is fine here, only the logs matter.</summary>
    private static async Task ImportTolerantly(ConversionService.ConversionServiceClient conversion, ImportConversionRequest request)
    {
        try
        {
            await conversion.ImportConversionAsync(request);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition)
        {
        }
    }

    private static string Line(string bsn, string product = "begeleiding") =>
        $"OUD-{Guid.NewGuid():N}"[..20] + $";{bsn};J.;van;Jansen;12-03-1950;9711 AB;1;{product};uur;basis;1,5;week;01-01-2028;;;;;;";

    private static ImportConversionRequest Csv(params string[] lines) =>
        new() { Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. lines]) + "\r\n")) };
}
