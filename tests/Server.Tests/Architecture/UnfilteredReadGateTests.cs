namespace GonPortal.Server.Tests.Architecture;

/// <summary>
/// Reads past the tenant filter are the riskiest lines of the server, so they are kept in four
/// reviewed gates (see "Unfiltered reads" in src/Server/README.md). A new <c>IgnoreQueryFilters</c>
/// anywhere else fails here, naming the file and line, until it moves onto a gate.
/// </summary>
public sealed class UnfilteredReadGateTests
{
    private static readonly string[] Gates =
    [
        "Tenancy/CrossTenantAccess.cs",
        "Tenancy/PartyAccess.cs",
        "Tenancy/SystemReads.cs",
        "Tenancy/TenantBlindLookups.cs",
    ];

    private static readonly string[] SkippedFolders = ["Migrations", "bin", "obj"];

    [Fact]
    public void IgnoreQueryFilters_appears_only_in_the_gates()
    {
        var server = Path.Combine(RepositoryRoot(), "src", "Server");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(server, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.Split('/').Any(SkippedFolders.Contains) || Gates.Contains(relative))
            {
                continue;
            }
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains("IgnoreQueryFilters", StringComparison.Ordinal))
                {
                    offenders.Add($"src/Server/{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }
        Assert.True(offenders.Count == 0,
            "IgnoreQueryFilters outside the gates (CrossTenantAccess, PartyAccess, SystemReads, TenantBlindLookups):"
            + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    /// <summary>The test runs from bin/…; the sources are found by walking up to the solution file.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GonPortal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No GonPortal.sln above {AppContext.BaseDirectory}.");
    }
}
