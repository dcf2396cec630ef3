using System.Diagnostics;

namespace GonPortal.Server.Tests.Contracts;

/// <summary>
/// Another language's stack can use the API: the contracts compile with plain protoc (the binary
/// shipped in the Grpc.Tools package) into Python and Java, with no C#-only plugin or option needed.
/// </summary>
public class ProtocTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GonPortal.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("GonPortal.sln not found above the test folder");
    }

    private static string GrpcToolsFolder()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var root = Path.Combine(packages, "grpc.tools");
        Assert.True(Directory.Exists(root), $"Grpc.Tools is not restored under {packages}");
        return Directory.GetDirectories(root).OrderByDescending(d => d, StringComparer.Ordinal).First();
    }

    [Theory]
    [InlineData("python")]
    [InlineData("java")]
    public void Protos_compile_with_plain_protoc(string language)
    {
        var tools = GrpcToolsFolder();
        var protoc = Path.Combine(tools, "tools", "linux_x64", "protoc");
        Assert.True(File.Exists(protoc), $"protoc not found at {protoc}");
        var include = Path.Combine(tools, "build", "native", "include");
        var root = RepoRoot();
        var output = Directory.CreateTempSubdirectory("gon-protoc-").FullName;
        var protos = Directory.GetFiles(Path.Combine(root, "protos", "gon", "v1"), "*.proto").Order().ToList();
        Assert.NotEmpty(protos);

        var start = new ProcessStartInfo(protoc) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = root };
        start.ArgumentList.Add("-I" + Path.Combine(root, "protos"));
        start.ArgumentList.Add("-I" + include);
        start.ArgumentList.Add($"--{language}_out={output}");
        start.ArgumentList.Add($"--descriptor_set_out={Path.Combine(output, "gon.pb")}");
        foreach (var proto in protos)
        {
            start.ArgumentList.Add(Path.GetRelativePath(Path.Combine(root, "protos"), proto));
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"protoc failed: {errors}");
        var generated = Directory.GetFiles(output, language == "python" ? "*_pb2.py" : "*.java", SearchOption.AllDirectories);
        Assert.True(generated.Length >= protos.Count, $"expected generated {language} files for {protos.Count} protos, found {generated.Length}");
    }
}
