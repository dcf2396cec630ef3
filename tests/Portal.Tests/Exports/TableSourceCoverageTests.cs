using System.Text.RegularExpressions;

namespace GonPortal.Portal.Tests.Exports;

/// <summary>
/// Every table in the portal's razor files sorts (a SortHeader per data column) and downloads (a TableExport), or is
/// on a list in <see cref="TableCoverage"/> with its reason (an export-only table must still download): a new table
/// without them fails here before any browser runs.
/// </summary>
public sealed partial class TableSourceCoverageTests
{
    [Fact]
    public void Every_table_sorts_and_exports_or_is_listed_with_its_reason()
    {
        var portal = Path.Combine(RepositoryRoot(), "src", "Portal");
        var missing = new List<string>();
        var checkedFiles = 0;
        var pagedFiles = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(portal, "Components"), "*.razor", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(portal, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            if (!text.Contains("<table", StringComparison.Ordinal) || Listed(name))
            {
                continue;
            }
            checkedFiles++;
            if (!text.Contains("<TableExport", StringComparison.Ordinal))
            {
                missing.Add($"{name}: no TableExport");
            }
            if (TableCoverage.ExportOnly.ContainsKey(name))
            {
                continue; // its order is the calculation's: no sort headers
            }
            // a plain header cell is allowed only for a column of buttons or links, or a paged table's column listed with its reason
            foreach (Match header in PlainHeader().Matches(text))
            {
                var key = header.Groups[1].Value;
                if (key is not ("Acties" or "Revisies.Kop") && !TableCoverage.PagedColumnsWithoutSort.ContainsKey($"{name}|{key}"))
                {
                    missing.Add($"{name}: column \"{key}\" has no SortHeader");
                }
            }
            // a paged table shows one page: its headers must order the whole list on the Server, not the rows on screen
            if (text.Contains("<Pager", StringComparison.Ordinal))
            {
                pagedFiles++;
                if (!text.Contains("sort.OrderBy", StringComparison.Ordinal) || text.Contains("sort.Apply(", StringComparison.Ordinal))
                {
                    missing.Add($"{name}: a paged table that does not send its sort to the Server (sort.OrderBy)");
                }
            }
        }
        Assert.True(checkedFiles >= 20, $"only {checkedFiles} razor files with a table were checked");
        Assert.True(pagedFiles >= 7, $"only {pagedFiles} paged tables were checked");
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void The_lists_name_files_that_exist()
    {
        var portal = Path.Combine(RepositoryRoot(), "src", "Portal");
        var listed = TableCoverage.NoSortNoExport.Keys.Concat(TableCoverage.ExportOnly.Keys)
            .Concat(TableCoverage.PagedColumnsWithoutSort.Keys.Select(k => k[..k.IndexOf('|')]));
        Assert.All(listed, name => Assert.True(File.Exists(Path.Combine(portal, name)), name));
    }

    [Fact]
    public void Each_listed_paged_column_is_still_an_unsorted_header_of_a_paged_table()
    {
        var portal = Path.Combine(RepositoryRoot(), "src", "Portal");
        Assert.All(TableCoverage.PagedColumnsWithoutSort.Keys, entry =>
        {
            var (name, key) = (entry[..entry.IndexOf('|')], entry[(entry.IndexOf('|') + 1)..]);
            var text = File.ReadAllText(Path.Combine(portal, name));
            Assert.Contains("<Pager", text);
            Assert.Contains(PlainHeader().Matches(text), m => m.Groups[1].Value == key);
        });
    }

    private static bool Listed(string name) =>
        TableCoverage.NoSortNoExport.ContainsKey(name);

    /// <summary>A column header written as a plain th in the thead, with its text key.</summary>
    [GeneratedRegex("""<th scope="col"[^>]*>@L\["([^"]+)"\]</th>""")]
    private static partial Regex PlainHeader();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GonPortal.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("GonPortal.sln not found above the test folder.");
    }
}
