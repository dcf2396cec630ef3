using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Exports;

/// <summary>
/// Calls <c>GET /api/v1/exports/{table}</c> on the Server's plain HTTP endpoint with a caller's bearer token, as
/// another system would, and reads the files back with CsvHelper and ClosedXML.
/// </summary>
public static class ExportHttp
{
    public static async Task<HttpResponseMessage> GetAsync(GonHosts hosts, string caller, string pathAndQuery, string? purpose = null)
    {
        using var http = new HttpClient { BaseAddress = hosts.ServerHttpUrl, Timeout = TimeSpan.FromMinutes(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (caller != Callers.Anonymous)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await hosts.TokenFor(caller));
        }
        if (purpose is not null)
        {
            request.Headers.Add("gon-purpose", purpose);
        }
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return response;
    }

    /// <summary>The CSV's rows as header → text, checking the BOM and the ";" on the way.</summary>
    public static async Task<List<Dictionary<string, string>>> CsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "a CSV for Dutch Excel starts with the UTF-8 BOM");
        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        await csv.ReadAsync();
        csv.ReadHeader();
        var headers = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (await csv.ReadAsync())
        {
            rows.Add(headers.Select((h, i) => (h, csv.GetField(i) ?? "")).ToDictionary(x => x.h, x => x.Item2));
        }
        return rows;
    }

    /// <summary>The first sheet's header row and cells, opened with ClosedXML.</summary>
    public static async Task<(IReadOnlyList<string> Headers, List<IXLRow> Rows, XLWorkbook Workbook)> XlsxAsync(HttpResponseMessage response)
    {
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        var last = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        var headers = Enumerable.Range(1, last).Select(c => sheet.Cell(1, c).GetString()).ToList();
        var rows = sheet.RowsUsed().Skip(1).ToList();
        return (headers, rows, workbook);
    }

    public static IXLCell Cell(IReadOnlyList<string> headers, IXLRow row, string header)
    {
        var index = headers.ToList().IndexOf(header);
        Assert.True(index >= 0, $"no column {header}");
        return row.Cell(index + 1);
    }

    /// <summary>A problem-details answer: its status, reason and the fields of its violations.</summary>
    public static async Task<(int Status, string Reason, List<string> Fields)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var fields = root.TryGetProperty("invalid-params", out var v) ? v.EnumerateArray().Select(x => x.GetProperty("name").GetString()!).ToList() : [];
        return (root.GetProperty("status").GetInt32(), root.GetProperty("code").GetString()!, fields);
    }

    public static string Dutch(Google.Type.Date d) => $"{d.Day:D2}-{d.Month:D2}-{d.Year:D4}";

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>A moment as a Dutch clock shows it (what a DateTime cell holds).</summary>
    public static DateTime DutchClock(Google.Protobuf.WellKnownTypes.Timestamp t) => TimeZoneInfo.ConvertTime(t.ToDateTimeOffset(), Amsterdam).DateTime;

    /// <summary>A moment as the CSV writes it: Dutch local time to the minute; empty when there is none.</summary>
    public static string DutchMoment(Google.Protobuf.WellKnownTypes.Timestamp? t) =>
        t is null ? "" : DutchClock(t).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);
}
