using System.Reflection;

namespace GonPortal.AppHost;

/// <summary>Where the repository is and where the hosts' dlls were built.</summary>
internal sealed class RepositoryLayout
{
    private const string SolutionFile = "GonPortal.sln";
    private readonly IReadOnlyDictionary<string, string> _builtHosts;

    private RepositoryLayout(string root, IReadOnlyDictionary<string, string> builtHosts)
    {
        Root = root;
        _builtHosts = builtHosts;
    }

    /// <summary>The repository root (holds GonPortal.sln).</summary>
    public string Root { get; }

    /// <summary>The gitignored folder for local databases and keys.</summary>
    public string DataDirectory => Path.Combine(Root, ".data");

    /// <summary>Where Identity writes its e-mails (invitations, password resets) as .eml files: no mail server locally.</summary>
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    /// <summary>The project folder of a host, e.g. src/Identity.</summary>
    public string ProjectDirectory(string project) => Path.Combine(Root, "src", project);

    /// <summary>
    /// The built dll of a host: as recorded at build time (same Configuration as this launcher), otherwise the
    /// SDK's default layout src/&lt;project&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/GonPortal.&lt;project&gt;.dll.
    /// </summary>
    public string HostDll(string project)
    {
        if (_builtHosts.TryGetValue(project, out var recorded) && File.Exists(recorded))
        {
            return recorded;
        }

        var assembly = typeof(RepositoryLayout).Assembly;
        var configuration = assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name; // bin/<Configuration>/<tfm>/
        return Path.Combine(ProjectDirectory(project), "bin", configuration, framework, $"GonPortal.{project}.dll");
    }

    public static RepositoryLayout Locate()
    {
        var metadata = typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Value is not null)
            .ToDictionary(a => a.Key, a => a.Value!, StringComparer.Ordinal);

        var candidates = new List<string?>
        {
            metadata.GetValueOrDefault("GonRepositoryRoot"),
            FindUpwards(AppContext.BaseDirectory),
            FindUpwards(Environment.CurrentDirectory),
        };

        var root = candidates.FirstOrDefault(c => c is not null && File.Exists(Path.Combine(c, SolutionFile)))
            ?? throw new InvalidOperationException($"Cannot find the repository root ({SolutionFile}) from {AppContext.BaseDirectory}.");

        var builtHosts = metadata
            .Where(m => m.Key.StartsWith("GonHost:", StringComparison.Ordinal))
            .ToDictionary(m => m.Key["GonHost:".Length..], m => m.Value, StringComparer.Ordinal);

        return new RepositoryLayout(Path.GetFullPath(root), builtHosts);
    }

    private static string? FindUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
