using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.Server.Tests.Settlements;
using Grpc.Core;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.AccessMatrix;

/// <summary>
/// Every RPC × every caller, with the outcome we expect. The table is data: a new RPC adds a
/// row here and a case below, and <see cref="AccessMatrixTests.Every_mapped_rpc_has_a_row_for_every_caller"/>
/// fails until it does. Codes: OK, U = UNAUTHENTICATED, PD = PERMISSION_DENIED, NF = NOT_FOUND, IA = INVALID_ARGUMENT, FP = FAILED_PRECONDITION (for hour entries: the entry
/// is refused as UNKNOWN_ARRANGEMENT, the answer a foreign arrangement gets).
/// A "#suffix" distinguishes two rows for one RPC acting on different data.
/// </summary>
public static class AccessMatrix
{
    /// <summary>
    /// RPCs whose row holds the codes of a correct implementation that does not exist yet: their cells
    /// are not run and the completeness check skips them. Empty today; kept for the next RPC designed ahead of its code.
    /// </summary>
    public static readonly IReadOnlySet<string> Pending = new HashSet<string>();

    /// <summary>Marks an outcome the matrix makes itself (a refused stream entry), which no server status carries.</summary>
    public const string SyntheticHeader = "x-matrix-synthetic";

    public const string Table = """
        rpc                                              anonymous gemeente wij ha-stadse ha-oost ha-zuid oa-delinde oa-atelier oa-noorderlicht
        ReferenceService/ListAreas                       U  OK OK OK OK OK OK OK OK
        WorkQueueService/GetWorkQueue                    U  OK OK OK OK OK OK OK OK
        ReferenceService/ListProducts                    U  OK OK OK OK OK OK OK OK
        ReferenceService/ListUnits                       U  OK OK OK OK OK OK OK OK
        ProviderService/GetCurrentOrganisation           U  OK OK OK OK OK OK OK OK
        ProviderService/ListProviders                    U  OK OK OK OK OK OK OK OK
        ProviderService/GetProvider                      U  OK OK OK OK OK OK OK OK
        ProviderService/CreateProvider                   U  OK PD PD PD PD PD PD PD
        ProviderService/ListAreaContracts                U  OK OK OK OK OK OK OK OK
        ProviderService/CreateAreaContract               U  OK PD PD PD PD PD PD PD
        SubcontractService/CreateSubcontract             U  PD PD OK OK OK PD PD PD
        SubcontractService/GetSubcontract#stadse-delinde U  OK PD OK NF NF OK NF NF
        SubcontractService/GetSubcontract#oost-delinde   U  OK PD NF OK NF OK NF NF
        SubcontractService/GetSubcontract#stadse-atelier U  OK PD OK NF NF NF OK NF
        SubcontractService/ListSubcontracts              U  OK PD OK OK OK OK OK OK
        SubcontractService/ConsentSubcontract            U  OK PD PD PD PD PD PD PD
        SubcontractService/RefuseSubcontract             U  OK PD PD PD PD PD PD PD
        SubcontractService/WithdrawSubcontract           U  PD PD OK NF NF PD PD PD
        SubcontractService/EndSubcontract                U  PD PD OK NF NF PD PD PD
        SubcontractService/ChangeSubcontractRate         U  PD PD OK NF NF PD PD PD
        AuditService/ListAuditEntries                    U  OK PD PD PD PD PD PD PD
        AuditService/VerifyAuditTrail                    U  OK PD PD PD PD PD PD PD
        AuditService/ListClientAccess#stadse             U  OK PD OK NF NF PD PD PD
        ClientService/CreateClient                       U  PD OK OK OK OK PD PD PD
        ClientService/GetClient#stadse-delinde           U  OK OK OK NF NF OK NF NF
        ClientService/GetClient#stadse-direct           U  OK NF OK NF NF NF NF NF
        ClientService/ListClients                        U  OK OK OK OK OK OK OK OK
        ClientService/UpdateClientContactDetails         U  PD OK OK NF NF PD PD PD
        ClientService/CreateReferral                     U  PD OK PD PD PD PD PD PD
        ClientService/GetReferral                        U  OK OK OK NF NF PD PD PD
        ClientService/ListReferrals                      U  OK OK OK OK OK PD PD PD
        ClientService/AcceptReferral                     U  PD PD OK NF NF PD PD PD
        ClientService/ReturnReferral                     U  PD PD OK NF NF PD PD PD
        ClientService/WithdrawReferral                   U  PD OK PD PD PD PD PD PD
        SupportArrangementService/CreateArrangement      U  PD PD OK NF NF PD PD PD
        SupportArrangementService/GetArrangement#stadse-delinde U OK OK OK NF NF OK NF NF
        SupportArrangementService/GetArrangement#direct  U  OK NF OK NF NF NF NF NF
        SupportArrangementService/ListArrangements       U  OK OK OK OK OK OK OK OK
        SupportArrangementService/DecideArrangement      U  PD PD OK NF NF PD PD PD
        SupportArrangementService/ApproveArrangement     U  PD OK PD PD PD PD PD PD
        SupportArrangementService/RejectArrangement      U  PD OK PD PD PD PD PD PD
        SupportArrangementService/RecordBeschikking      U  OK PD PD PD PD PD PD PD
        SupportArrangementService/StartArrangement       U  PD PD OK NF NF PD PD PD
        SupportArrangementService/ChangeArrangementTerms U  PD PD OK NF NF PD PD PD
        SupportArrangementService/ChangeArrangementEndDate U PD PD OK NF NF PD PD PD
        SupportArrangementService/EndArrangement         U  PD PD OK NF NF PD PD PD
        SupportArrangementService/CancelArrangement      U  OK PD OK NF NF PD PD PD
        SupportArrangementService/ListArrangementTransitions#stadse-delinde U OK OK OK NF NF OK NF NF
        HourService/BatchCreateHourEntries               U  PD PD IA IA IA OK IA IA
        HourService/ImportHourEntries                    U  PD PD IA IA IA OK IA IA
        HourService/GetHourEntry                         U  OK PD OK NF NF OK NF NF
        HourService/ListHourEntries                      U  OK PD OK OK OK OK OK OK
        HourService/ApproveHourEntries                   U  PD PD OK NF NF PD PD PD
        HourService/RejectHourEntries                    U  PD PD OK NF NF PD PD PD
        HourService/ImportHourEntriesWithResults         U  PD PD IA IA IA OK IA IA
        HourService/ApproveHourEntriesByFilter           U  PD PD OK FP FP PD PD PD
        HourService/RejectHourEntriesByFilter            U  PD PD OK FP FP PD PD PD
        HourService/UndoHourEntryApprovals               U  PD PD OK NF NF PD PD PD
        ReportingService/ListArrangementVolumes          U  OK PD OK PD PD OK OK OK
        ReportingService/ListProviderVolumes             U  OK PD OK PD PD OK OK OK
        ReportingService/ListProductVolumes              U  OK PD OK PD PD PD PD PD
        ReportingService/GetAreaShares                   U  OK PD OK PD PD PD PD PD
        YearOverviewService/GetYearOverview              U  OK PD PD PD PD PD PD PD
        BudgetService/SetBaseLumpsum                     U  OK PD PD PD PD PD PD PD
        BudgetService/ListBaseLumpsums                   U  OK PD OK OK OK PD PD PD
        BudgetService/SetIndexRate                       U  OK PD PD PD PD PD PD PD
        BudgetService/ListIndexRates                     U  OK PD OK OK OK PD PD PD
        BudgetService/CreateBudgetAdjustment             U  OK PD PD PD PD PD PD PD
        BudgetService/ListBudgetAdjustments              U  OK PD OK OK OK PD PD PD
        BudgetService/GetAreaBudget#area1                U  OK PD OK PD PD PD PD PD
        BudgetService/SetPgbBaseline                     U  OK PD PD PD PD PD PD PD
        BudgetService/SetPgbMonthlyCount                 U  OK PD PD PD PD PD PD PD
        BudgetService/SetPgbAverageCost                  U  OK PD PD PD PD PD PD PD
        BudgetService/ImportPgbCsv                       U  OK PD PD PD PD PD PD PD
        BudgetService/GetPgbYear#area1                   U  OK PD OK PD PD PD PD PD
        BudgetService/SubmitYearReport#area1             U  PD PD OK PD PD PD PD PD
        BudgetService/GetYearReport#area1                U  OK PD OK NF NF PD PD PD
        BudgetService/ListYearReports                    U  OK PD OK OK OK PD PD PD
        BudgetService/LockYear                           U  OK PD PD PD PD PD PD PD
        BudgetService/SetYearParameters                  U  OK PD PD PD PD PD PD PD
        BudgetService/GetYearParameters                  U  OK PD OK OK OK PD PD PD
        BudgetService/ListYearParameterVersions          U  OK PD OK OK OK PD PD PD
        BudgetService/GetBudgetPosition#area1            U  OK PD OK PD PD PD PD PD
        SettlementService/StartSettlementRun             U  OK PD PD PD PD PD PD PD
        SettlementService/GetSettlementRun#statements    U  OK PD OK OK OK NF NF NF
        SettlementService/GetSettlementRun#pgb-area1     U  OK PD OK NF NF NF NF NF
        SettlementService/ListSettlementRuns             U  OK PD OK OK OK OK OK OK
        SettlementService/ListSettlementRevisions        U  OK PD OK OK OK OK OK OK
        SettlementService/ListSubcontractorStatements    U  OK PD OK OK OK OK OK OK
        SettlementService/GetSubcontractorStatement#stadse-delinde U OK PD OK NF NF OK NF NF
        SettlementService/GetPgbSettlement#area1         U  OK PD OK NF NF NF NF NF
        SettlementService/GetReconciliation#area1        U  OK PD OK NF NF NF NF NF
        SettlementService/ListStaffShortageLines#area1   U  OK PD OK NF NF NF NF NF
        SettlementService/GetStatementCompleteness#area1 U  OK PD OK PD PD PD PD PD
        AdministrationService/CreateOrganisation         U  PD PD PD PD PD PD PD PD
        AdministrationService/UpdateOrganisation         U  PD PD PD PD PD PD PD PD
        AdministrationService/DeactivateOrganisation     U  PD PD PD PD PD PD PD PD
        AdministrationService/ReactivateOrganisation     U  PD PD PD PD PD PD PD PD
        AdministrationService/ListOrganisations          U  PD PD PD PD PD PD PD PD
        AdministrationService/GetOrganisation            U  PD PD PD PD PD PD PD PD
        AdministrationService/InvitePerson               U  PD PD PD PD PD PD PD PD
        AdministrationService/ResendInvitation           U  PD PD PD PD PD PD PD PD
        AdministrationService/ListPeople                 U  PD PD PD PD PD PD PD PD
        AdministrationService/SetAdministrator           U  PD PD PD PD PD PD PD PD
        AdministrationService/DeactivatePerson           U  PD PD PD PD PD PD PD PD
        AdministrationService/ReactivatePerson           U  PD PD PD PD PD PD PD PD
        MachineClientService/ListMachineClients          U  PD PD PD PD PD PD PD PD
        MachineClientService/RegisterMachineClient       U  PD PD PD PD PD PD PD PD
        MachineClientService/RotateMachineClientSecret   U  PD PD PD PD PD PD PD PD
        MachineClientService/RevokeMachineClient         U  PD PD PD PD PD PD PD PD
        ConversionService/ImportConversion               U  OK PD PD PD PD PD PD PD
        """;

    // Administration and machine clients: machine clients never carry the administrator claim, so every one of them
    // is refused (PERMISSION_DENIED) before anything is read, even for their own client id; what administrators may
    // do is AdministrationAccessMatrix and MachineClientAccessMatrix.

    /// <summary>How to call each row's RPC as a caller; setup runs first, as the data's owner.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Scenario, string, CallInvoker, Task>> Cases = new Dictionary<string, Func<Scenario, string, CallInvoker, Task>>
    {
        ["AdministrationService/CreateOrganisation"] = async (_, _, c) => await new AdministrationService.AdministrationServiceClient(c).CreateOrganisationAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}", Name = "Machine-organisatie", Kind = OrganisationKind.Wij, KvkNumber = FreshKvk(),
        }),
        ["AdministrationService/UpdateOrganisation"] = async (_, caller, c) => await new AdministrationService.AdministrationServiceClient(c).UpdateOrganisationAsync(new()
        {
            OrganisationId = Scenario.Org(Callers.OaAtelier).Id.ToString(), Name = Scenario.Org(Callers.OaAtelier).Name, KvkNumber = Scenario.Org(Callers.OaAtelier).KvkNumber,
        }),
        ["AdministrationService/DeactivateOrganisation"] = async (_, _, c) => await new AdministrationService.AdministrationServiceClient(c).DeactivateOrganisationAsync(new() { OrganisationId = Scenario.Org(Callers.OaAtelier).Id.ToString() }),
        ["AdministrationService/ReactivateOrganisation"] = async (_, _, c) => await new AdministrationService.AdministrationServiceClient(c).ReactivateOrganisationAsync(new() { OrganisationId = Scenario.Org(Callers.OaAtelier).Id.ToString() }),
        ["AdministrationService/ListOrganisations"] = async (_, _, c) => await new AdministrationService.AdministrationServiceClient(c).ListOrganisationsAsync(new()),
        ["AdministrationService/GetOrganisation"] = async (_, _, c) => await new AdministrationService.AdministrationServiceClient(c).GetOrganisationAsync(new() { OrganisationId = Scenario.Org(Callers.OaAtelier).Id.ToString() }),
        ["AdministrationService/InvitePerson"] = async (_, _, c) => await new AdministrationService.AdministrationServiceClient(c).InvitePersonAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}", Email = $"machine-{Guid.NewGuid():N}@test.test", DisplayName = "Machine Persoon",
        }),
        ["AdministrationService/ResendInvitation"] = async (_, _, c) => await new AdministrationService.AdministrationServiceClient(c).ResendInvitationAsync(new() { PersonId = Guid.NewGuid().ToString() }),
        ["AdministrationService/ListPeople"] = async (_, _, c) => await new AdministrationService.AdministrationServiceClient(c).ListPeopleAsync(new()),
        ["AdministrationService/SetAdministrator"] = async (_, _, c) => await new AdministrationService.AdministrationServiceClient(c).SetAdministratorAsync(new() { PersonId = Guid.NewGuid().ToString(), Administrator = true }),
        ["AdministrationService/DeactivatePerson"] = async (_, _, c) => await new AdministrationService.AdministrationServiceClient(c).DeactivatePersonAsync(new() { PersonId = Guid.NewGuid().ToString() }),
        ["AdministrationService/ReactivatePerson"] = async (_, _, c) => await new AdministrationService.AdministrationServiceClient(c).ReactivatePersonAsync(new() { PersonId = Guid.NewGuid().ToString() }),
        ["MachineClientService/ListMachineClients"] = async (_, _, c) => await new MachineClientService.MachineClientServiceClient(c).ListMachineClientsAsync(new()),
        ["MachineClientService/RegisterMachineClient"] = async (_, _, c) => await new MachineClientService.MachineClientServiceClient(c).RegisterMachineClientAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}", DisplayName = "ECD van een machine",
        }),
        ["MachineClientService/RotateMachineClientSecret"] = async (_, caller, c) => await new MachineClientService.MachineClientServiceClient(c).RotateMachineClientSecretAsync(new()
        {
            ClientId = OwnClientId(caller),
        }),
        ["MachineClientService/RevokeMachineClient"] = async (_, caller, c) => await new MachineClientService.MachineClientServiceClient(c).RevokeMachineClientAsync(new()
        {
            ClientId = OwnClientId(caller),
        }),
        ["ConversionService/ImportConversion"] = async (_, _, c) =>
            await new ConversionService.ConversionServiceClient(c).ImportConversionAsync(new()
            {
                Csv = Google.Protobuf.ByteString.CopyFromUtf8(
                    "bronkenmerk;bsn;voorletters;achternaam;geboortedatum;postcode;gebied;product;eenheid;soort;omvang;frequentie;startdatum\n" +
                    $"matrix-{Guid.NewGuid():N};{AccessProcessScenario.NewBsn()};M.;Matrix;01-01-1960;9711AB;1;begeleiding;uur;basis;1;week;01-01-2028\n"),
            }),
        ["YearOverviewService/GetYearOverview"] = async (_, _, c) => await new YearOverviewService.YearOverviewServiceClient(c).GetYearOverviewAsync(new() { Year = 2027 }),
        ["ReferenceService/ListAreas"] = async (_, _, c) => await new ReferenceService.ReferenceServiceClient(c).ListAreasAsync(new()),
        ["ReferenceService/ListProducts"] = async (_, _, c) => await new ReferenceService.ReferenceServiceClient(c).ListProductsAsync(new()),
        ["ReferenceService/ListUnits"] = async (_, _, c) => await new ReferenceService.ReferenceServiceClient(c).ListUnitsAsync(new()),
        ["ProviderService/GetCurrentOrganisation"] = async (_, _, c) => await new ProviderService.ProviderServiceClient(c).GetCurrentOrganisationAsync(new()),
        ["ProviderService/ListProviders"] = async (_, _, c) => await new ProviderService.ProviderServiceClient(c).ListProvidersAsync(new()),
        ["ProviderService/GetProvider"] = async (_, _, c) => await new ProviderService.ProviderServiceClient(c).GetProviderAsync(new() { ProviderId = Scenario.Org(Callers.OaDeLinde).Id.ToString() }),
        ["ProviderService/CreateProvider"] = async (_, _, c) => await new ProviderService.ProviderServiceClient(c).CreateProviderAsync(NewProvider(OrganisationKind.Onderaannemer)),
        ["ProviderService/ListAreaContracts"] = async (_, _, c) => await new ProviderService.ProviderServiceClient(c).ListAreaContractsAsync(new()),
        ["ProviderService/CreateAreaContract"] = async (s, _, c) =>
        {
            var gemeente = await s.Providers(Callers.Gemeente);
            var ha = (await gemeente.CreateProviderAsync(NewProvider(OrganisationKind.Hoofdaanbieder))).Provider;
            var year = 2200 + Next() % 700;
            await new ProviderService.ProviderServiceClient(c).CreateAreaContractAsync(new()
            {
                RequestId = Guid.NewGuid().ToString(),
                AreaId = 1 + Next() % 4,
                HoofdaanbiederId = ha.Id,
                PeriodStart = Date(year, 1, 1),
                PeriodEnd = Date(year, 1, 1),
            });
        },
        ["SubcontractService/CreateSubcontract"] = async (_, caller, c) =>
            await new SubcontractService.SubcontractServiceClient(c).CreateSubcontractAsync(Proposal(caller == Callers.Anonymous ? Callers.HaStadse : caller)),
        ["SubcontractService/GetSubcontract#stadse-delinde"] = async (s, _, c) =>
        {
            var sub = await s.Consented(Callers.HaStadse, Callers.OaDeLinde);
            await new SubcontractService.SubcontractServiceClient(c).GetSubcontractAsync(new() { SubcontractId = sub.Id });
        },
        ["SubcontractService/GetSubcontract#oost-delinde"] = async (s, _, c) =>
        {
            var sub = await s.Consented(Callers.HaOost, Callers.OaDeLinde);
            await new SubcontractService.SubcontractServiceClient(c).GetSubcontractAsync(new() { SubcontractId = sub.Id });
        },
        ["SubcontractService/GetSubcontract#stadse-atelier"] = async (s, _, c) =>
        {
            var sub = await s.Proposed(Callers.HaStadse, Callers.OaAtelier);
            await new SubcontractService.SubcontractServiceClient(c).GetSubcontractAsync(new() { SubcontractId = sub.Id });
        },
        ["SubcontractService/ListSubcontracts"] = async (_, _, c) => await new SubcontractService.SubcontractServiceClient(c).ListSubcontractsAsync(new()),
        ["SubcontractService/ConsentSubcontract"] = async (s, _, c) =>
        {
            var sub = await s.Proposed(Callers.HaStadse);
            await new SubcontractService.SubcontractServiceClient(c).ConsentSubcontractAsync(new() { SubcontractId = sub.Id });
        },
        ["SubcontractService/RefuseSubcontract"] = async (s, _, c) =>
        {
            var sub = await s.Proposed(Callers.HaStadse);
            await new SubcontractService.SubcontractServiceClient(c).RefuseSubcontractAsync(new() { SubcontractId = sub.Id, Reason = "Geen toestemming" });
        },
        ["SubcontractService/WithdrawSubcontract"] = async (s, _, c) =>
        {
            var sub = await s.Proposed(Callers.HaStadse);
            await new SubcontractService.SubcontractServiceClient(c).WithdrawSubcontractAsync(new() { SubcontractId = sub.Id });
        },
        ["SubcontractService/EndSubcontract"] = async (s, _, c) =>
        {
            var sub = await s.Consented(Callers.HaStadse);
            await new SubcontractService.SubcontractServiceClient(c).EndSubcontractAsync(new() { SubcontractId = sub.Id, EndDate = Date(2027, 12, 31), Reason = "Contract afgelopen" });
        },
        ["SubcontractService/ChangeSubcontractRate"] = async (s, _, c) =>
        {
            var sub = await s.Consented(Callers.HaStadse);
            await new SubcontractService.SubcontractServiceClient(c).ChangeSubcontractRateAsync(new()
            {
                SubcontractId = sub.Id, Product = Product.Begeleiding, Unit = Unit.Hour, RateCents = 6_800,
                EffectiveFrom = Date(2027, 6, 1), Reason = "Indexatie",
            });
        },
        // Hours: the arrangement is Stadse's, executed by De Linde; only De Linde may report on it.
        ["HourService/BatchCreateHourEntries"] = async (s, _, c) =>
        {
            var (arrangement, _) = await s.ActiveExecutedBy(1);
            await new HourService.HourServiceClient(c).BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement) } });
        },
        ["HourService/ImportHourEntries"] = async (s, _, c) =>
        {
            var (arrangement, _) = await s.ActiveExecutedBy(1);
            using var call = new HourService.HourServiceClient(c).ImportHourEntries();
            try
            {
                await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = HourScenario.Entry(arrangement) });
                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
                // The server may refuse the call (e.g. UNAUTHENTICATED) before the client has written;
                // the write then fails as CANCELLED and the call's own status is in ResponseAsync.
            }
            var response = await call.ResponseAsync;
            if (response.RejectedCount > 0)
            {
                // A stream answers OK with per-entry rejections; the matrix records a refused entry as IA.
                throw new RpcException(new Status(StatusCode.InvalidArgument, response.Rejections[0].Reason.ToString()),
                    new Metadata { { SyntheticHeader, "entry-rejected" } });
            }
        },
        ["HourService/GetHourEntry"] = async (s, _, c) =>
        {
            var entry = await s.ReportedByDeLinde();
            await new HourService.HourServiceClient(c).GetHourEntryAsync(new() { HourEntryId = entry.Id });
        },
        ["HourService/ListHourEntries"] = async (_, _, c) => await new HourService.HourServiceClient(c).ListHourEntriesAsync(new()),
        ["HourService/ApproveHourEntries"] = async (s, _, c) =>
        {
            var entry = await s.ReportedByDeLinde();
            await new HourService.HourServiceClient(c).ApproveHourEntriesAsync(new() { HourEntryIds = { entry.Id } });
        },
        ["HourService/RejectHourEntries"] = async (s, _, c) =>
        {
            var entry = await s.ReportedByDeLinde();
            await new HourService.HourServiceClient(c).RejectHourEntriesAsync(new() { HourEntryIds = { entry.Id }, Reason = "Niet geleverd" });
        },
        ["HourService/ImportHourEntriesWithResults"] = async (s, _, c) =>
        {
            var (arrangement, _) = await s.ActiveExecutedBy(1);
            using var call = new HourService.HourServiceClient(c).ImportHourEntriesWithResults();
            try
            {
                await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = HourScenario.Entry(arrangement) });
                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
                // Refused before the client wrote: the call's own status follows when reading.
            }
            var rejected = 0;
            while (await call.ResponseStream.MoveNext())
            {
                rejected += call.ResponseStream.Current.Chunk?.Rejections.Count ?? 0;
            }
            if (rejected > 0)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "entry rejected"), new Metadata { { SyntheticHeader, "entry-rejected" } });
            }
        },
        // By filter: one fresh De Linde entry of Stadse's arrangement, its count confirmed. Another hoofdaanbieder's
        // filter on that arrangement matches none of its own entries, so its confirmed 1 is refused: FAILED_PRECONDITION.
        ["HourService/ApproveHourEntriesByFilter"] = async (s, _, c) =>
        {
            var entry = await s.ReportedByDeLinde();
            await new HourService.HourServiceClient(c).ApproveHourEntriesByFilterAsync(new()
            {
                RequestId = Guid.NewGuid().ToString(), ExpectedCount = 1, Filter = new() { ArrangementId = entry.ArrangementId },
            });
        },
        ["HourService/RejectHourEntriesByFilter"] = async (s, _, c) =>
        {
            var entry = await s.ReportedByDeLinde();
            await new HourService.HourServiceClient(c).RejectHourEntriesByFilterAsync(new()
            {
                RequestId = Guid.NewGuid().ToString(), ExpectedCount = 1, Filter = new() { ArrangementId = entry.ArrangementId }, Reason = "Niet geleverd",
            });
        },
        ["HourService/UndoHourEntryApprovals"] = async (s, _, c) =>
        {
            var entry = await s.ReportedByDeLinde();
            await (await s.Hours(Callers.HaStadse)).ApproveHourEntriesAsync(new() { HourEntryIds = { entry.Id } });
            await new HourService.HourServiceClient(c).UndoHourEntryApprovalsAsync(new() { HourEntryIds = { entry.Id } });
        },
        // Reporting on area 1 (Stadse) in March 2027: other hoofdaanbieders get PERMISSION_DENIED for an
        // area they do not hold; onderaannemers get only their own rows, or PERMISSION_DENIED for area aggregates.
        ["ReportingService/ListArrangementVolumes"] = async (_, _, c) =>
            await new ReportingService.ReportingServiceClient(c).ListArrangementVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3, PageSize = 5 }),
        ["ReportingService/ListProviderVolumes"] = async (_, _, c) =>
            await new ReportingService.ReportingServiceClient(c).ListProviderVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3 }),
        ["ReportingService/ListProductVolumes"] = async (_, _, c) =>
            await new ReportingService.ReportingServiceClient(c).ListProductVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3 }),
        ["ReportingService/GetAreaShares"] = async (_, _, c) =>
            await new ReportingService.ReportingServiceClient(c).GetAreaSharesAsync(new() { AreaId = 1, Date = Date(2027, 6, 15) }),
        // Budgets: writes touch area 4 (Zuid), 2026 and 2099 only, with the demo values where a figure is in use,
        // so the cells leave the figures of the flow tests alone. Reads are of area 1 (Stadse) in 2027/2028.
        ["BudgetService/SetBaseLumpsum"] = async (s, _, c) =>
        {
            var contract = await Budgets.BudgetScenario.DemoContract(s.Hosts, 4);
            await new BudgetService.BudgetServiceClient(c).SetBaseLumpsumAsync(new() { AreaContractId = contract.Id, AmountCents = 421_000_000 });
        },
        ["WorkQueueService/GetWorkQueue"] = async (_, _, c) => await new WorkQueueService.WorkQueueServiceClient(c).GetWorkQueueAsync(new()),
        ["BudgetService/ListBaseLumpsums"] = async (_, _, c) => await new BudgetService.BudgetServiceClient(c).ListBaseLumpsumsAsync(new()),
        ["BudgetService/SetIndexRate"] = async (_, _, c) =>
            await new BudgetService.BudgetServiceClient(c).SetIndexRateAsync(new() { Year = 2099, Kind = IndexKind.Prognosis, IndexBp = 200 }),
        ["BudgetService/ListIndexRates"] = async (_, _, c) => await new BudgetService.BudgetServiceClient(c).ListIndexRatesAsync(new()),
        ["BudgetService/CreateBudgetAdjustment"] = async (_, _, c) =>
            await new BudgetService.BudgetServiceClient(c).CreateBudgetAdjustmentAsync(new()
            {
                RequestId = $"test-{Guid.NewGuid():N}", AreaId = 4, Year = 2099, AmountCents = 100,
                Reason = BudgetAdjustmentReason.Other, Description = "Toegangstest",
            }),
        ["BudgetService/ListBudgetAdjustments"] = async (_, _, c) => await new BudgetService.BudgetServiceClient(c).ListBudgetAdjustmentsAsync(new()),
        ["BudgetService/GetAreaBudget#area1"] = async (_, _, c) =>
            await new BudgetService.BudgetServiceClient(c).GetAreaBudgetAsync(new() { AreaId = 1, Year = 2027 }),
        ["BudgetService/SetPgbBaseline"] = async (s, _, c) =>
        {
            var contract = await Budgets.BudgetScenario.DemoContract(s.Hosts, 4);
            await new BudgetService.BudgetServiceClient(c).SetPgbBaselineAsync(new() { AreaContractId = contract.Id, ReferenceDate = Date(2027, 1, 1), ClientCount = 334 });
        },
        ["BudgetService/SetPgbMonthlyCount"] = async (_, _, c) =>
            await new BudgetService.BudgetServiceClient(c).SetPgbMonthlyCountAsync(new() { AreaId = 4, Year = 2026, Month = 12, ClientCount = 7 }),
        ["BudgetService/SetPgbAverageCost"] = async (_, _, c) =>
            await new BudgetService.BudgetServiceClient(c).SetPgbAverageCostAsync(new() { AreaId = 4, Year = 2026, AverageCostCents = 100 }),
        ["BudgetService/ImportPgbCsv"] = async (_, _, c) =>
            await new BudgetService.BudgetServiceClient(c).ImportPgbCsvAsync(new()
            {
                Kind = PgbCsvKind.AverageCosts,
                Csv = Google.Protobuf.ByteString.CopyFromUtf8("area_id,year,average_cost_cents\n4,2026,100\n"),
            }),
        ["BudgetService/GetPgbYear#area1"] = async (_, _, c) =>
            await new BudgetService.BudgetServiceClient(c).GetPgbYearAsync(new() { AreaId = 1, Year = 2027 }),
        ["BudgetService/SubmitYearReport#area1"] = async (_, _, c) =>
            await new BudgetService.BudgetServiceClient(c).SubmitYearReportAsync(new() { AreaId = 1, Year = 2028, OwnDeliveryCostsCents = 10_000 }),
        ["BudgetService/GetYearReport#area1"] = async (s, _, c) =>
        {
            await Budgets.BudgetScenario.EnsureYearReport(s.Hosts, Callers.HaStadse, 1, 2028);
            await new BudgetService.BudgetServiceClient(c).GetYearReportAsync(new() { AreaId = 1, Year = 2028 });
        },
        ["BudgetService/ListYearReports"] = async (_, _, c) => await new BudgetService.BudgetServiceClient(c).ListYearReportsAsync(new()),
        ["BudgetService/LockYear"] = async (s, _, c) =>
        {
            await Budgets.BudgetScenario.EnsureYearReport(s.Hosts, Callers.HaZuid, 4, 2027);
            await new BudgetService.BudgetServiceClient(c).LockYearAsync(new() { AreaId = 4, Year = 2027 });
        },
        ["BudgetService/SetYearParameters"] = async (_, _, c) =>
            await new BudgetService.BudgetServiceClient(c).SetYearParametersAsync(new()
            {
                Year = 2099, ProfitCapBp = 300, ReferenceHourlyRateCents = 6_250, PgbCompensationShareBp = 10_000, ChangeNote = "Toegangstest",
            }),
        ["BudgetService/GetYearParameters"] = async (_, _, c) => await new BudgetService.BudgetServiceClient(c).GetYearParametersAsync(new() { Year = 2027 }),
        ["BudgetService/ListYearParameterVersions"] = async (_, _, c) =>
            await new BudgetService.BudgetServiceClient(c).ListYearParameterVersionsAsync(new() { Year = 2027 }),
        ["BudgetService/GetBudgetPosition#area1"] = async (_, _, c) =>
            await new BudgetService.BudgetServiceClient(c).GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 6 }),
        // Settlements: results are stored directly for areas 1 (Stadse) and statements of Stadse–De Linde; runs are
        // the gemeente's, visible to a hoofdaanbieder for statements and the areas it holds.
        ["SettlementService/StartSettlementRun"] = async (_, _, c) =>
            await new SettlementService.SettlementServiceClient(c).StartSettlementRunAsync(Settlements.SettlementScenario.Start(SettlementRunKind.SubcontractorStatements, 0, 2027, 1)),
        ["SettlementService/GetSettlementRun#statements"] = async (s, _, c) =>
        {
            var id = await s.StoredResultAsync(Domain.Settlements.SettlementKind.SubcontractorStatements, 0, 2027, 1, Guid.NewGuid(), Scenario.Org(Callers.HaStadse).Id, Scenario.Org(Callers.OaDeLinde).Id, new SubcontractorStatement());
            await new SettlementService.SettlementServiceClient(c).GetSettlementRunAsync(new() { SettlementRunId = await s.RunIdOfAsync(id) });
        },
        ["SettlementService/GetSettlementRun#pgb-area1"] = async (s, _, c) =>
        {
            var id = await s.StoredResultAsync(Domain.Settlements.SettlementKind.PgbProvisional, 1, 2027, 0, Guid.Empty, Scenario.Org(Callers.HaStadse).Id, null, new PgbSettlement());
            await new SettlementService.SettlementServiceClient(c).GetSettlementRunAsync(new() { SettlementRunId = await s.RunIdOfAsync(id) });
        },
        ["SettlementService/ListSettlementRuns"] = async (_, _, c) =>
            await new SettlementService.SettlementServiceClient(c).ListSettlementRunsAsync(new() { PageSize = 5 }),
        ["SettlementService/ListSettlementRevisions"] = async (_, _, c) =>
            await new SettlementService.SettlementServiceClient(c).ListSettlementRevisionsAsync(new() { Kind = SettlementRunKind.PgbProvisional, AreaId = 1, Year = 2027 }),
        ["SettlementService/ListSubcontractorStatements"] = async (_, _, c) =>
            await new SettlementService.SettlementServiceClient(c).ListSubcontractorStatementsAsync(new() { Year = 2027, Month = 1, PageSize = 5 }),
        ["SettlementService/GetSubcontractorStatement#stadse-delinde"] = async (s, _, c) =>
        {
            var subcontract = Guid.NewGuid();
            await s.StoredResultAsync(Domain.Settlements.SettlementKind.SubcontractorStatements, 0, 2027, 1, subcontract, Scenario.Org(Callers.HaStadse).Id, Scenario.Org(Callers.OaDeLinde).Id, new SubcontractorStatement());
            await new SettlementService.SettlementServiceClient(c).GetSubcontractorStatementAsync(new() { SubcontractId = subcontract.ToString(), Year = 2027, Month = 1 });
        },
        ["SettlementService/GetPgbSettlement#area1"] = async (s, _, c) =>
        {
            await s.StoredResultAsync(Domain.Settlements.SettlementKind.PgbProvisional, 1, 2027, 0, Guid.Empty, Scenario.Org(Callers.HaStadse).Id, null, new PgbSettlement());
            await new SettlementService.SettlementServiceClient(c).GetPgbSettlementAsync(new() { AreaId = 1, Year = 2027, Kind = SettlementRunKind.PgbProvisional });
        },
        ["SettlementService/GetReconciliation#area1"] = async (s, _, c) =>
        {
            await s.StoredResultAsync(Domain.Settlements.SettlementKind.Reconciliation, 1, 2027, 0, Guid.Empty, Scenario.Org(Callers.HaStadse).Id, null, new Reconciliation());
            await new SettlementService.SettlementServiceClient(c).GetReconciliationAsync(new() { AreaId = 1, Year = 2027 });
        },
        ["SettlementService/ListStaffShortageLines#area1"] = async (s, _, c) =>
        {
            var id = await s.StoredResultAsync(Domain.Settlements.SettlementKind.Reconciliation, 1, 2027, 0, Guid.Empty, Scenario.Org(Callers.HaStadse).Id, null, new Reconciliation());
            await new SettlementService.SettlementServiceClient(c).ListStaffShortageLinesAsync(new() { ReconciliationId = id.ToString() });
        },
        ["SettlementService/GetStatementCompleteness#area1"] = async (_, _, c) =>
            await new SettlementService.SettlementServiceClient(c).GetStatementCompletenessAsync(new() { AreaId = 1, Year = 2027 }),
        ["AuditService/ListAuditEntries"] = async (_, _, c) => await new AuditService.AuditServiceClient(c).ListAuditEntriesAsync(new()),
        ["AuditService/VerifyAuditTrail"] = async (_, _, c) => await new AuditService.AuditServiceClient(c).VerifyAuditTrailAsync(new()),
        ["AuditService/ListClientAccess#stadse"] = async (s, _, c) =>
        {
            var client = await s.Client(Callers.HaStadse, 1);
            await new AuditService.AuditServiceClient(c).ListClientAccessAsync(new() { ClientId = client.Id });
        },
        ["ClientService/CreateClient"] = async (_, caller, c) =>
        {
            var areas = caller is Callers.Anonymous or Callers.Wij or Callers.Gemeente || Scenario.Org(caller).AreaIds.Count == 0 ? [1] : Scenario.Org(caller).AreaIds;
            await new ClientService.ClientServiceClient(c).CreateClientAsync(AccessProcessScenario.NewClient(areas[0]));
        },
        ["ClientService/GetClient#stadse-delinde"] = async (s, _, c) =>
        {
            var arrangement = await s.DecidedForDeLinde();
            await new ClientService.ClientServiceClient(c).GetClientAsync(new() { ClientId = arrangement.ClientId });
        },
        ["ClientService/GetClient#stadse-direct"] = async (s, _, c) =>
        {
            var client = await s.Client(Callers.HaStadse, 1);
            await new ClientService.ClientServiceClient(c).GetClientAsync(new() { ClientId = client.Id });
        },
        ["ClientService/ListClients"] = async (_, _, c) => await new ClientService.ClientServiceClient(c).ListClientsAsync(new() { PageSize = 5 }),
        ["ClientService/UpdateClientContactDetails"] = async (s, _, c) =>
        {
            var client = await s.Client(Callers.Wij, 1);
            await new ClientService.ClientServiceClient(c).UpdateClientContactDetailsAsync(new()
            {
                ClientId = client.Id,
                ContactDetails = new() { PhoneNumber = "06-12345678" },
            });
        },
        ["ClientService/CreateReferral"] = async (s, _, c) =>
        {
            var client = await s.Client(Callers.Wij, 1);
            await new ClientService.ClientServiceClient(c).CreateReferralAsync(AccessProcessScenario.NewReferral(client.Id));
        },
        ["ClientService/GetReferral"] = async (s, _, c) =>
        {
            var referral = await s.Referred(1);
            await new ClientService.ClientServiceClient(c).GetReferralAsync(new() { ReferralId = referral.Id });
        },
        ["ClientService/ListReferrals"] = async (_, _, c) => await new ClientService.ClientServiceClient(c).ListReferralsAsync(new() { PageSize = 5 }),
        ["ClientService/AcceptReferral"] = async (s, _, c) =>
        {
            var referral = await s.Referred(1);
            await new ClientService.ClientServiceClient(c).AcceptReferralAsync(new() { ReferralId = referral.Id });
        },
        ["ClientService/ReturnReferral"] = async (s, _, c) =>
        {
            var referral = await s.Referred(1);
            await new ClientService.ClientServiceClient(c).ReturnReferralAsync(new() { ReferralId = referral.Id, Reason = "Woont in een ander gebied" });
        },
        ["ClientService/WithdrawReferral"] = async (s, _, c) =>
        {
            var referral = await s.Referred(1);
            await new ClientService.ClientServiceClient(c).WithdrawReferralAsync(new() { ReferralId = referral.Id, Reason = "Zelf opgelost" });
        },
        ["SupportArrangementService/CreateArrangement"] = async (s, _, c) =>
        {
            var referral = await s.Accepted(1);
            await new SupportArrangementService.SupportArrangementServiceClient(c).CreateArrangementAsync(new()
            {
                RequestId = $"test-{Guid.NewGuid():N}",
                ClientId = referral.ClientId,
                EntryChannel = EntryChannel.WijReferral,
                ReferralId = referral.Id,
            });
        },
        ["SupportArrangementService/GetArrangement#stadse-delinde"] = async (s, _, c) =>
        {
            var arrangement = await s.DecidedForDeLinde();
            await new SupportArrangementService.SupportArrangementServiceClient(c).GetArrangementAsync(new() { ArrangementId = arrangement.Id });
        },
        ["SupportArrangementService/GetArrangement#direct"] = async (s, _, c) =>
        {
            var arrangement = await s.DirectRequested();
            await new SupportArrangementService.SupportArrangementServiceClient(c).GetArrangementAsync(new() { ArrangementId = arrangement.Id });
        },
        ["SupportArrangementService/ListArrangements"] = async (_, _, c) =>
            await new SupportArrangementService.SupportArrangementServiceClient(c).ListArrangementsAsync(new() { PageSize = 5 }),
        ["SupportArrangementService/DecideArrangement"] = async (s, _, c) =>
        {
            var arrangement = await s.Requested();
            await new SupportArrangementService.SupportArrangementServiceClient(c).DecideArrangementAsync(new()
            {
                ArrangementId = arrangement.Id,
                Decision = AccessProcessScenario.Decision(SupportType.Basis),
            });
        },
        ["SupportArrangementService/ApproveArrangement"] = async (s, _, c) =>
        {
            var arrangement = await s.Decided(SupportType.Aanvullend);
            await new SupportArrangementService.SupportArrangementServiceClient(c).ApproveArrangementAsync(new() { ArrangementId = arrangement.Id });
        },
        ["SupportArrangementService/RejectArrangement"] = async (s, _, c) =>
        {
            var arrangement = await s.Decided(SupportType.Aanvullend);
            await new SupportArrangementService.SupportArrangementServiceClient(c).RejectArrangementAsync(new() { ArrangementId = arrangement.Id, Reason = "Past niet" });
        },
        ["SupportArrangementService/RecordBeschikking"] = async (s, _, c) =>
        {
            var arrangement = await s.Advised();
            await new SupportArrangementService.SupportArrangementServiceClient(c).RecordBeschikkingAsync(new()
            {
                ArrangementId = arrangement.Id,
                BeschikkingNumber = $"WMO-{Next()}",
                DecisionDate = Date(2026, 10, 1),
            });
        },
        ["SupportArrangementService/StartArrangement"] = async (s, _, c) =>
        {
            var arrangement = await s.Decided(SupportType.Basis);
            await new SupportArrangementService.SupportArrangementServiceClient(c).StartArrangementAsync(new() { ArrangementId = arrangement.Id });
        },
        ["SupportArrangementService/ChangeArrangementTerms"] = async (s, _, c) =>
        {
            var arrangement = await s.Active();
            var terms = AccessProcessScenario.Decision(SupportType.Basis).Terms;
            terms.Volume = 240;
            await new SupportArrangementService.SupportArrangementServiceClient(c).ChangeArrangementTermsAsync(new()
            {
                ArrangementId = arrangement.Id,
                EffectiveFrom = Date(2027, 6, 1),
                Terms = terms,
                Note = "Meer uren nodig",
            });
        },
        ["SupportArrangementService/ChangeArrangementEndDate"] = async (s, _, c) =>
        {
            var arrangement = await s.Active();
            await new SupportArrangementService.SupportArrangementServiceClient(c).ChangeArrangementEndDateAsync(new()
            {
                ArrangementId = arrangement.Id,
                EndDate = Date(2028, 6, 30),
                Note = "Verlenging",
            });
        },
        ["SupportArrangementService/EndArrangement"] = async (s, _, c) =>
        {
            var arrangement = await s.Active();
            await new SupportArrangementService.SupportArrangementServiceClient(c).EndArrangementAsync(new()
            {
                ArrangementId = arrangement.Id,
                EndDate = Date(2027, 9, 30),
                Reason = ArrangementEndReason.GoalsReached,
            });
        },
        ["SupportArrangementService/CancelArrangement"] = async (s, _, c) =>
        {
            var arrangement = await s.Advised();
            await new SupportArrangementService.SupportArrangementServiceClient(c).CancelArrangementAsync(new() { ArrangementId = arrangement.Id, Reason = "Geen beschikking" });
        },
        ["SupportArrangementService/ListArrangementTransitions#stadse-delinde"] = async (s, _, c) =>
        {
            var arrangement = await s.DecidedForDeLinde();
            await new SupportArrangementService.SupportArrangementServiceClient(c).ListArrangementTransitionsAsync(new() { ArrangementId = arrangement.Id });
        },
    };

    public sealed record Cell(string Rpc, string Caller, string Expected);

    public static IReadOnlyList<Cell> Cells()
    {
        var lines = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var callers = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var cells = new List<Cell>();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != callers.Length + 1)
            {
                throw new InvalidOperationException($"Row '{parts[0]}' has {parts.Length - 1} outcomes for {callers.Length} callers.");
            }
            cells.AddRange(callers.Select((caller, i) => new Cell(parts[0], caller, parts[i + 1])));
        }
        return cells;
    }

    /// <summary>The caller's own demo client: even that one a machine client may not rotate or revoke.</summary>
    private static string OwnClientId(string caller) =>
        caller == Callers.Anonymous ? "ecd-buurtwerk-de-linde" : Callers.MachineClient(caller).ClientId;

    public static StatusCode ToStatus(string code) => code switch
    {
        "OK" => StatusCode.OK,
        "U" => StatusCode.Unauthenticated,
        "PD" => StatusCode.PermissionDenied,
        "NF" => StatusCode.NotFound,
        "IA" => StatusCode.InvalidArgument,
        "FP" => StatusCode.FailedPrecondition,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "unknown outcome code"),
    };
}
