using GonPortal.Server.ErrorModel;

namespace GonPortal.Server.Tests.Architecture;

/// <summary>
/// Every status the server raises is built by <see cref="ErrorStatus"/>, which attaches the ErrorInfo.
/// A status built anywhere else (a bare <c>new RpcException</c>, <c>Status.ToRpcException()</c>) fails here,
/// naming file and line. The interceptor's safety net for such statuses is exercised by the access
/// matrix, which asserts an ErrorInfo on every refusal of every RPC for every caller.
/// </summary>
public sealed class ErrorInfoArchitectureTests
{
    private static readonly string[] Builders = ["new RpcException(", "ToRpcException()", "new Google.Rpc.Status"];

    private static readonly string[] SkippedFolders = ["Migrations", "bin", "obj"];

    [Fact]
    public void Statuses_are_built_only_in_the_error_model()
    {
        var server = Path.Combine(RepositoryRoot(), "src", "Server");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(server, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.Split('/').Any(SkippedFolders.Contains) || relative.StartsWith("ErrorModel/", StringComparison.Ordinal))
            {
                continue;
            }
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Builders.Any(b => lines[i].Contains(b, StringComparison.Ordinal)))
                {
                    offenders.Add($"src/Server/{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }
        Assert.True(offenders.Count == 0,
            "A gRPC status built outside src/Server/ErrorModel (use ErrorStatus.Build or a reasoned exception):"
            + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Every_reason_code_is_documented_in_the_error_model_readme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Server", "ErrorModel", "README.md"));
        var codes = typeof(GonPortal.Domain.Common.ErrorReasons).GetFields()
            .Where(f => f.IsLiteral && f.Name is not "Domain" and not "NotFoundSuffix")
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(typeof(FieldViolationReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!));
        Assert.All(codes, c => Assert.Contains($"`{c}`", readme, StringComparison.Ordinal));
    }

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
