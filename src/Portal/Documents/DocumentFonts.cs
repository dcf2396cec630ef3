using System.Reflection;
using PdfSharp.Fonts;

namespace GonPortal.Portal.Documents;

/// <summary>
/// The one font of the portal's PDF documents, DejaVu Sans (Bitstream Vera licence, Fonts/LICENSE-DejaVu.txt), read from
/// the assembly: PDFsharp 6 has no font of its own on Linux and a clean server has no system fonts to fall back on.
/// Every family name resolves to it, so a document never depends on what the machine has installed.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly DocumentFonts Instance = new();
    private static readonly Lock Gate = new();
    private static bool installed;

    private DocumentFonts()
    {
    }

    /// <summary>
    /// Installs the resolver once per process. PDFsharp keeps it in a static and refuses another one after the first
    /// font was used, so every caller (portal circuits, tests) gives the same instance.
    /// </summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!installed)
            {
                GlobalFontSettings.FontResolver = Instance;
                installed = true;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular);

    public byte[] GetFont(string faceName)
    {
        var name = $"GonPortal.Portal.Documents.Fonts.{(faceName == Bold ? Bold : Regular)}.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the portal assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
