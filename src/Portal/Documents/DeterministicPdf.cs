using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;

namespace GonPortal.Portal.Documents;

/// <summary>
/// Saves a PDFsharp document so that the same content gives the same bytes: creation and modification date are the
/// stamp's moment (UTC, also in the XMP metadata), the trailer's /ID is the given content hash, and what PDFsharp makes
/// random on every save (the six-letter tag before an embedded font subset's name, the XMP document and instance
/// UUIDs) is derived from that hash. The replacements keep every length, so the cross-reference offsets stay right.
/// </summary>
public static partial class DeterministicPdf
{
    public static byte[] Save(PdfDocument document, DocumentStamp stamp, byte[] documentId)
    {
        var moment = DateTime.SpecifyKind(stamp.ComputedAt.UtcDateTime, DateTimeKind.Utc);
        document.Info.Title = stamp.Title;
        document.Info.Subject = stamp.Subject;
        document.Info.Author = "GonPortal";
        document.Info.Creator = "GonPortal";
        document.Info.CreationDate = moment;
        document.Info.ModificationDate = moment;
        document.Language = "nl-NL";
        var id = Encoding.Latin1.GetString(documentId);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return FixXmpIds(FixSubsetTags(stream.ToArray(), documentId), documentId);
    }

    /// <summary>
    /// Replaces each subset tag ("ABCDEF+") by one made from the document ID and the font's order of appearance. Only the
    /// /BaseFont and /FontName entries are touched: the tag stands there, in uncompressed dictionaries, and has a fixed length, so the cross-reference offsets stay right.
    /// </summary>
    private static byte[] FixSubsetTags(byte[] pdf, byte[] documentId)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>();
        var fixedText = SubsetTag().Replace(text, m =>
        {
            if (!tags.TryGetValue(m.Groups[2].Value, out var tag))
            {
                var n = tags.Count;
                tag = new string([.. Enumerable.Range(0, 6).Select(i => (char)('A' + (documentId[(i + 6 * n) % documentId.Length] + n) % 26))]);
                tags[m.Groups[2].Value] = tag;
            }

            return m.Groups[1].Value + "/" + tag + "+";
        });
        return Encoding.Latin1.GetBytes(fixedText);
    }

    /// <summary>
    /// PDFsharp writes the document's XMP metadata (uncompressed) with a new random document and instance UUID on every
    /// save; both become the document ID written as a UUID, which has the same length.
    /// </summary>
    private static byte[] FixXmpIds(byte[] pdf, byte[] documentId)
    {
        var uuid = new Guid(documentId).ToString("D");
        var text = XmpId().Replace(Encoding.Latin1.GetString(pdf), m => m.Groups[1].Value + uuid);
        return Encoding.Latin1.GetBytes(text);
    }

    [GeneratedRegex("(<xmpMM:(?:DocumentID|InstanceID)>uuid:)[0-9a-fA-F-]{36}")]
    private static partial Regex XmpId();

    [GeneratedRegex("(/BaseFont\\s*|/FontName\\s*)/([A-Z]{6})\\+")]
    private static partial Regex SubsetTag();
}
