namespace GonPortal.Server.Tests.Processes;

/// <summary>
/// How big the fault drills are. CI (and a plain test run) uses small imports so the folder stays within a
/// few minutes on two cores, yet every kill still lands mid-import and mid-run. The sizes of issue 14
/// (a 200,000-entry import) with <c>GON_FAULT_FULL=1</c>:
/// <c>GON_FAULT_FULL=1 dotnet test tests/Server.Tests --filter "FullyQualifiedName~Processes"</c>.
/// </summary>
public static class FaultSizes
{
    public static bool Full => Environment.GetEnvironmentVariable("GON_FAULT_FULL") == "1";

    /// <summary>Entries streamed in the import that the Server is killed during.</summary>
    public static int ImportEntries => Full ? 200_000 : 12_000;

    /// <summary>Entries sent while PostgreSQL restarts, in imports of <see cref="LoadBatch"/>.</summary>
    public static int LoadEntries => Full ? 60_000 : 8_000;

    public const int LoadBatch = 500;
}

/// <summary>The process tests run one at a time and alone: each starts several hosts on a two-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Processes";
}
