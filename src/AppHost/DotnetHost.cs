using System.Runtime.InteropServices;

namespace GonPortal.AppHost;

/// <summary>Finds the <c>dotnet</c> executable that runs this launcher, to start the hosts with the same runtime.</summary>
internal static class DotnetHost
{
    public static string Find()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } processPath
            && string.Equals(Path.GetFileName(processPath), executable, StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/dotnet
        var runtimeDirectory = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtimeDirectory.Parent?.Parent?.Parent;
        if (root is not null && File.Exists(Path.Combine(root.FullName, executable)))
        {
            return Path.Combine(root.FullName, executable);
        }

        return executable; // from PATH
    }
}
