using System.Text.RegularExpressions;
using PortalTexts = GonPortal.Portal.Resources.Texts;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace GonPortal.Portal.Tests.Documents;

/// <summary>The portal's Dutch texts without a host, and a PDF's text as PdfPig reads it back.</summary>
internal static partial class DocumentTexts
{
    public static IStringLocalizer<PortalTexts> Localizer { get; } =
        new StringLocalizer<PortalTexts>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    /// <summary>Every page's text in drawing order, without white space (a value wrapped over two lines still reads as one).</summary>
    public static string Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    public static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    public static string Squeeze(string text) => WhiteSpace().Replace(text, string.Empty);

    /// <summary>Asserts that the document shows <paramref name="value"/> (white space aside).</summary>
    public static void Shows(string documentText, string value) =>
        Assert.True(documentText.Contains(Squeeze(value), StringComparison.Ordinal), $"The PDF does not show “{value}”.");

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
