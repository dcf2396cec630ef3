using GonPortal.Exports;

namespace GonPortal.Server.Exports;

/// <summary>An opened export: filters validated, the caller's view (and the gemeente's audited read) settled; rows not read yet.</summary>
internal interface IExportSource
{
    /// <summary>Reads the rows as it writes them; returns how many were written.</summary>
    Task<int> WriteAsync(Stream output, ExportFormat format, string sheetName, CancellationToken ct);
}

/// <summary>The columns of a table and its rows, read chunk by chunk while the file is written.</summary>
internal sealed class ExportSource<T>(IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows) : IExportSource
{
    public Task<int> WriteAsync(Stream output, ExportFormat format, string sheetName, CancellationToken ct) => format == ExportFormat.Csv
        ? CsvTableExport.WriteAsync(output, columns, rows, ct)
        : XlsxTableExport.WriteAsync(output, sheetName, columns, rows, ct);
}
